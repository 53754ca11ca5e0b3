package dev.crmschema.compiler.emit.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphqlSdlEmitterTest {
    private static final EmitContext CONTEXT = new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE);
    private static String standardSdl;
    private static String showcaseSdl;
    private static GraphQLSchema standard;
    private static GraphQLSchema showcase;

    @BeforeAll
    static void emitOnce() {
        standardSdl = sdl(ExampleWorkspaces.standard());
        showcaseSdl = sdl(ExampleWorkspaces.showcase());
        standard = build(standardSdl);
        showcase = build(showcaseSdl);
    }

    private static String sdl(Workspace workspace) {
        List<GeneratedFile> files = new GraphqlSdlEmitter().emit(workspace, CONTEXT);
        assertEquals(1, files.size());
        GeneratedFile file = files.get(0);
        assertEquals(GeneratedFile.Kind.RESOURCE, file.kind());
        assertEquals("crm-schema/" + workspace.name() + "/schema.graphqls", file.path());
        return file.content();
    }

    private static GraphQLSchema build(String sdl) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    private static GraphQLFieldDefinition field(GraphQLSchema schema, String type, String field) {
        GraphQLFieldDefinition definition = schema.getObjectType(type).getFieldDefinition(field);
        assertNotNull(definition, type + "." + field);
        return definition;
    }

    private static String typeOf(GraphQLType type) {
        return GraphQLTypeUtil.simplePrint(type);
    }

    @Test
    void theStandardSchemaParsesBuildsAndFollowsTheContractNames() {
        assertTrue(standardSdl.startsWith("# " + Headers.GENERATED + "\n"), standardSdl.substring(0, 80));
        GraphQLSchema schema = standard;

        assertEquals("CompanyConnection", typeOf(field(schema, "Query", "companies").getType()));
        assertEquals(List.of("filter", "orderBy", "first", "last", "offset", "before", "after"),
                field(schema, "Query", "companies").getArguments().stream().map(GraphQLArgument::getName).toList());
        assertEquals("[CompanyOrderByInput]", typeOf(field(schema, "Query", "companies").getArgument("orderBy").getType()));
        assertEquals("CompanyFilterInput!", typeOf(field(schema, "Query", "company").getArgument("filter").getType()));
        assertEquals("[CompanyConnection]", typeOf(field(schema, "Query", "companyDuplicates").getType()));

        GraphQLFieldDefinition createMany = field(schema, "Mutation", "createCompanies");
        assertEquals("[CompanyCreateInput!]!", typeOf(createMany.getArgument("data").getType()));
        assertEquals("Boolean", typeOf(createMany.getArgument("upsert").getType()));
        assertEquals("[Company]", typeOf(createMany.getType()));
        assertEquals("Boolean", typeOf(field(schema, "Mutation", "createCompany").getArgument("upsert").getType()));
        assertEquals("UUID!", typeOf(field(schema, "Mutation", "updateCompany").getArgument("id").getType()));
        assertEquals("CompanyFilterInput!", typeOf(field(schema, "Mutation", "updateCompanies").getArgument("filter").getType()));
        for (String mutation : List.of("deletePerson", "destroyPerson", "restorePerson")) {
            assertEquals("Person", typeOf(field(schema, "Mutation", mutation).getType()));
        }
        for (String mutation : List.of("deletePeople", "destroyPeople", "restorePeople")) {
            assertEquals("[Person]", typeOf(field(schema, "Mutation", mutation).getType()));
        }
        GraphQLFieldDefinition merge = field(schema, "Mutation", "mergePeople");
        assertEquals("Person", typeOf(merge.getType()));
        assertEquals("[UUID!]!", typeOf(merge.getArgument("ids").getType()));
        assertEquals("Int!", typeOf(merge.getArgument("conflictPriorityIndex").getType()));
        assertEquals("Boolean", typeOf(merge.getArgument("dryRun").getType()));
        GraphQLFieldDefinition groupBy = field(schema, "Query", "companiesGroupBy");
        assertEquals("[CompanyGroupByConnection]", typeOf(groupBy.getType()));
        assertEquals("[CompanyGroupByInput!]!", typeOf(groupBy.getArgument("groupBy").getType()));
        assertEquals("CompanyFilterInput", typeOf(groupBy.getArgument("filter").getType()));
        assertEquals("[CompanyOrderByWithGroupByInput]", typeOf(groupBy.getArgument("orderBy").getType()));
        assertEquals("[CompanyOrderByInput]", typeOf(groupBy.getArgument("orderByForRecords").getType()));
        assertEquals("Int", typeOf(groupBy.getArgument("limit").getType()));
        assertEquals("[String]!", typeOf(field(schema, "CompanyGroupByConnection", "groupByDimensionValues").getType()));
        assertEquals("Int", typeOf(field(schema, "CompanyGroupByConnection", "totalCount").getType()));
        assertEquals("Float", typeOf(field(schema, "CompanyGroupByConnection", "sumEmployees").getType()));
        assertEquals("[CompanyEdge!]!", typeOf(field(schema, "CompanyGroupByConnection", "edges").getType()));

        // Record type: system fields, composites, and relations in both directions.
        assertEquals("UUID!", typeOf(field(schema, "Company", "id").getType()));
        assertEquals("DateTime", typeOf(field(schema, "Company", "deletedAt").getType()));
        assertEquals("Links", typeOf(field(schema, "Company", "domainName").getType()));
        assertEquals("Actor!", typeOf(field(schema, "Company", "createdBy").getType()));
        assertEquals("Position!", typeOf(field(schema, "Company", "position").getType()));
        assertEquals("UUID", typeOf(field(schema, "Company", "accountOwnerId").getType()));
        assertEquals("WorkspaceMember", typeOf(field(schema, "Company", "accountOwner").getType()));
        GraphQLFieldDefinition people = field(schema, "Company", "people");
        assertEquals("PersonConnection", typeOf(people.getType()));
        assertEquals("PersonFilterInput", typeOf(people.getArgument("filter").getType()));
        assertEquals("Company", typeOf(field(schema, "Person", "company").getType()));
        assertEquals("ActorSourceEnum", typeOf(field(schema, "Actor", "source").getType()));

        // Edge, connection and aggregates.
        assertEquals("Company!", typeOf(field(schema, "CompanyEdge", "node").getType()));
        assertEquals("Cursor!", typeOf(field(schema, "CompanyEdge", "cursor").getType()));
        assertEquals("[CompanyEdge!]!", typeOf(field(schema, "CompanyConnection", "edges").getType()));
        assertEquals("PageInfo!", typeOf(field(schema, "CompanyConnection", "pageInfo").getType()));
        for (String aggregate : List.of("totalCount", "countEmptyName", "countUniqueValuesName", "countNotEmptyName")) {
            assertEquals("Int", typeOf(field(schema, "CompanyConnection", aggregate).getType()), aggregate);
        }
        for (String aggregate : List.of("percentageEmptyName", "sumEmployees", "avgEmployees",
                "minAnnualRecurringRevenueAmountMicros", "sumAnnualRecurringRevenueAmountMicros")) {
            assertEquals("Float", typeOf(field(schema, "CompanyConnection", aggregate).getType()), aggregate);
        }
        assertEquals("DateTime", typeOf(field(schema, "CompanyConnection", "maxCreatedAt").getType()));
        assertEquals("Int", typeOf(field(schema, "CompanyConnection", "countTrueIdealCustomerProfile").getType()));
        assertTrue(schema.getObjectType("CompanyConnection").getFieldDefinitions().stream()
                .noneMatch(f -> f.getName().endsWith("People") || f.getName().endsWith("AccountOwner")));

        // Inputs.
        GraphQLInputObjectType filter = schema.getTypeAs("CompanyFilterInput");
        assertEquals("UUIDFilter", typeOf(filter.getField("id").getType()));
        assertEquals("StringFilter", typeOf(filter.getField("name").getType()));
        assertEquals("LinksFilterInput", typeOf(filter.getField("domainName").getType()));
        assertEquals("UUIDFilter", typeOf(filter.getField("accountOwnerId").getType()));
        assertEquals("[CompanyFilterInput]", typeOf(filter.getField("and").getType()));
        assertEquals("CompanyFilterInput", typeOf(filter.getField("not").getType()));
        assertEquals(null, filter.getField("people"));
        assertEquals(null, filter.getField("accountOwner"));
        GraphQLInputObjectType orderBy = schema.getTypeAs("CompanyOrderByInput");
        assertEquals("OrderByDirection", typeOf(orderBy.getField("accountOwnerId").getType()));
        assertEquals("LinksOrderByInput", typeOf(orderBy.getField("domainName").getType()));
        GraphQLInputObjectType create = schema.getTypeAs("PersonCreateInput");
        assertEquals("ID", typeOf(create.getField("companyId").getType()));
        assertEquals("CompanyRelationInput", typeOf(create.getField("company").getType()));
        assertEquals("FullNameCreateInput", typeOf(create.getField("name").getType()));
        assertEquals(null, create.getField("searchVector"));
        assertEquals(null, create.getField("noteTargets"));
        GraphQLInputObjectType actorCreate = schema.getTypeAs("ActorCreateInput");
        assertEquals(null, actorCreate.getField("workspaceMemberId"));
        assertEquals("EmailsUpdateInput", typeOf(schema.<GraphQLInputObjectType>getTypeAs("PersonUpdateInput")
                .getField("emails").getType()));
        GraphQLInputObjectType whereUnique = schema.getTypeAs("CompanyWhereUniqueInput");
        assertEquals("UUID", typeOf(whereUnique.getField("id").getType()));
        assertEquals("CompanyDomainNameWhereInput", typeOf(whereUnique.getField("domainName").getType()));
        assertEquals("CompanyWhereUniqueInput", typeOf(schema.<GraphQLInputObjectType>getTypeAs("CompanyConnectInput")
                .getField("where").getType()));
        assertEquals(List.of("connect", "disconnect"), schema.<GraphQLInputObjectType>getTypeAs("CompanyRelationInput")
                .getFieldDefinitions().stream().map(f -> f.getName()).toList());

        // Enums and their filters.
        GraphQLEnumType stage = schema.getTypeAs("OpportunityStageEnum");
        assertTrue(stage.getValues().size() > 1);
        assertEquals("OpportunityStageEnumFilter", typeOf(schema.<GraphQLInputObjectType>getTypeAs("OpportunityFilterInput")
                .getField("stage").getType()));
        assertEquals(List.of("AscNullsFirst", "AscNullsLast", "DescNullsFirst", "DescNullsLast"),
                schema.<GraphQLEnumType>getTypeAs("OrderByDirection").getValues().stream().map(v -> v.getName()).toList());
        assertEquals(List.of("NULL", "NOT_NULL"),
                schema.<GraphQLEnumType>getTypeAs("FilterIs").getValues().stream().map(v -> v.getName()).toList());
        GraphQLObjectType pageInfo = schema.getObjectType("PageInfo");
        assertEquals("Boolean!", typeOf(pageInfo.getFieldDefinition("hasNextPage").getType()));
        assertEquals("ConnectionCursor", typeOf(pageInfo.getFieldDefinition("endCursor").getType()));
    }

    @Test
    void theShowcaseSchemaCoversEveryFieldKind() {
        GraphQLSchema schema = showcase;

        GraphQLFieldDefinition pets = field(schema, "Shelter", "pets");
        assertEquals("PetConnection", typeOf(pets.getType()));
        assertEquals(List.of("filter", "orderBy", "first", "last", "offset", "before", "after"),
                pets.getArguments().stream().map(GraphQLArgument::getName).toList());
        assertEquals("[PetOrderByInput]", typeOf(pets.getArgument("orderBy").getType()));
        assertEquals("UUID!", typeOf(field(schema, "Pet", "shelterId").getType()));
        assertEquals("Shelter", typeOf(field(schema, "Pet", "shelter").getType()));
        assertEquals("PetConnection", typeOf(field(schema, "Person", "adoptedPets").getType()));
        assertEquals("VisitConnection", typeOf(field(schema, "WorkspaceMember", "vetVisits").getType()));

        assertEquals("UUID", typeOf(field(schema, "Pet", "externalId").getType()));
        assertEquals("Float", typeOf(field(schema, "Pet", "weightKg").getType()));
        assertEquals("Int", typeOf(field(schema, "Pet", "vaccinationCount").getType()));
        assertEquals("BigFloat", typeOf(field(schema, "Pet", "adoptionFee").getType()));
        assertEquals("Boolean!", typeOf(field(schema, "Pet", "isAdopted").getType()));
        assertEquals("Date", typeOf(field(schema, "Pet", "birthday").getType()));
        assertEquals("JSON", typeOf(field(schema, "Pet", "traits").getType()));
        assertEquals("[String]", typeOf(field(schema, "Pet", "tags").getType()));
        assertEquals("RichTextV2", typeOf(field(schema, "Pet", "bio").getType()));
        assertEquals("PetSpeciesEnum!", typeOf(field(schema, "Pet", "species").getType()));
        assertEquals("[PetColorsEnum]", typeOf(field(schema, "Pet", "colors").getType()));
        assertEquals("PetFriendlinessEnum", typeOf(field(schema, "Pet", "friendliness").getType()));
        assertEquals("TSVector", typeOf(field(schema, "Pet", "medicalVector").getType()));
        for (String composite : List.of("Currency", "FullName", "Emails", "Phones", "Links", "Address", "Actor", "RichTextV2")) {
            assertInstanceOf(GraphQLObjectType.class, schema.getType(composite), composite);
            for (String suffix : List.of("CreateInput", "UpdateInput", "FilterInput", "OrderByInput")) {
                assertInstanceOf(GraphQLInputObjectType.class, schema.getType(composite + suffix), composite + suffix);
            }
        }
        assertEquals(List.of("RATING_1", "RATING_2", "RATING_3", "RATING_4", "RATING_5"),
                schema.<GraphQLEnumType>getTypeAs("PetFriendlinessEnum").getValues().stream().map(v -> v.getName()).toList());
        assertEquals("Gold", schema.<GraphQLEnumType>getTypeAs("CompanyTierEnum").getValue("GOLD").getDescription());

        GraphQLInputObjectType filter = schema.getTypeAs("PetFilterInput");
        assertEquals("IntFilter", typeOf(filter.getField("vaccinationCount").getType()));
        assertEquals("BigFloatFilter", typeOf(filter.getField("adoptionFee").getType()));
        assertEquals("DateFilter", typeOf(filter.getField("birthday").getType()));
        assertEquals("FloatFilter", typeOf(filter.getField("kennelOrder").getType()));
        assertEquals("RawJsonFilter", typeOf(filter.getField("traits").getType()));
        assertEquals("ArrayFilter", typeOf(filter.getField("tags").getType()));
        assertEquals("PetColorsEnumFilter", typeOf(filter.getField("colors").getType()));
        assertEquals("TSVectorFilter", typeOf(filter.getField("medicalVector").getType()));
        assertEquals("RichTextV2FilterInput", typeOf(filter.getField("bio").getType()));
        GraphQLInputObjectType species = schema.getTypeAs("PetSpeciesEnumFilter");
        assertNotNull(species.getField("gt"));
        assertEquals("[PetSpeciesEnum]", typeOf(species.getField("containsAny").getType()));
        assertEquals(null, schema.<GraphQLInputObjectType>getTypeAs("PetColorsEnumFilter").getField("gt"));
        assertEquals("[String!]", typeOf(schema.<GraphQLInputObjectType>getTypeAs("StringFilter").getField("in").getType()));
        assertEquals("FilterIs", typeOf(schema.<GraphQLInputObjectType>getTypeAs("UUIDFilter").getField("is").getType()));

        GraphQLInputObjectType create = schema.getTypeAs("PetCreateInput");
        assertEquals("[PetColorsEnum]", typeOf(create.getField("colors").getType()));
        assertEquals("CurrencyCreateInput", typeOf(create.getField("monthlyCost").getType()));
        assertEquals(null, create.getField("medicalVector"));
        GraphQLInputObjectType unique = schema.getTypeAs("PetWhereUniqueInput");
        assertEquals(List.of("id", "externalId", "ownerEmails"), unique.getFieldDefinitions().stream().map(f -> f.getName()).toList());
        assertEquals("String", typeOf(schema.<GraphQLInputObjectType>getTypeAs("PetOwnerEmailsWhereInput")
                .getField("primaryEmail").getType()));

        GraphQLObjectType connection = schema.getObjectType("PetConnection");
        for (String aggregate : List.of("sumWeightKg", "avgVaccinationCount", "maxAdoptionFee", "countEmptyNickname",
                "countFalseIsAdopted", "minBirthday", "avgMonthlyCostAmountMicros", "percentageNotEmptyColors")) {
            assertNotNull(connection.getFieldDefinition(aggregate), aggregate);
        }
        assertTrue(GraphQLTypeUtil.unwrapNonNull(connection.getFieldDefinition("edges").getType()) instanceof GraphQLList);
        assertTrue(connection.getFieldDefinition("pageInfo").getType() instanceof GraphQLNonNull);
    }

    @Test
    void descriptionsComeFromTheMetadata() {
        GraphQLSchema schema = showcase;
        assertEquals("An animal the shelter looks after", schema.getObjectType("Pet").getDescription());
        assertEquals("Free-form observations", field(schema, "Pet", "traits").getDescription());
        assertEquals("Nickname", field(schema, "Pet", "nickname").getDescription());
    }

    @Test
    void onlyUsedSharedTypesAreDeclared() {
        // The standard objects have no DATE, ARRAY or RAW_JSON fields of their own, so their filters are not needed.
        assertEquals(null, standard.getType("DateFilter"));
        assertEquals(null, standard.getType("ArrayFilter"));
        assertEquals(null, standard.getType("Date"));
        assertFalse(standardSdl.contains("scalar Date\n"));
        assertNotNull(showcase.getType("Date"));
        assertTrue(showcaseSdl.contains("scalar Date\n"));
    }

    @Test
    void emittingTwiceGivesIdenticalBytes() {
        // Each call links the example afresh, so this also covers reading and linking.
        assertEquals(standardSdl, sdl(ExampleWorkspaces.standard()));
        assertEquals(showcaseSdl, sdl(ExampleWorkspaces.showcase()));
    }
}
