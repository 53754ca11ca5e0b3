package dev.crmschema.runtime.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.javac.InMemoryJavaCompiler;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Emits the showcase workspace's SDL and resolvers with the schema compiler, compiles the resolvers in
 * memory with every lint as an error, builds an executable schema with graphql-java-tools through
 * {@link GraphqlSchemaFactory}, and runs requests against an in-memory data source.
 */
class GeneratedGraphqlResolversTest {
    private static final String PACKAGE = "dev.crmschema.generated.showcase.graphql";
    private static InMemoryDataSource data;
    /** As the engine runs it: with {@link DirectObjectStrategy}. */
    private static GraphQL graphql;
    /** graphql-java's own execution over the same schema, to compare with. */
    private static GraphQL plain;

    private String shelterId;
    private String rexId;

    @BeforeAll
    static void emitAndCompile() throws Exception {
        SchemaCompiler.Result result = SchemaCompiler.compile(ExampleWorkspaces.files("showcase"),
                new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE), EnumSet.of(Artifact.GRAPHQL, Artifact.RESOURCES));
        assertTrue(result.succeeded(), () -> result.diagnostics().toString());
        Workspace workspace = result.workspace().orElseThrow();
        String sdl = result.files().stream().filter(f -> f.path().equals("crm-schema/showcase/schema.graphqls")).findFirst()
                .orElseThrow().content();
        Map<String, String> sources = new TreeMap<>();
        for (GeneratedFile file : result.files()) {
            // Other emitters of the RESOURCES artifact (REST) are not this test's business.
            if (file.kind() == GeneratedFile.Kind.JAVA_SOURCE && file.path().startsWith(PACKAGE.replace('.', '/') + "/")) {
                sources.put(file.path(), file.content());
            }
        }
        assertTrue(sources.size() > 100, "expected a class per GraphQL type, got " + sources.size());
        InMemoryJavaCompiler.Result compiled = InMemoryJavaCompiler.compile(sources, InMemoryJavaCompiler.currentClasspath(),
                List.of("-Xlint:all", "-Werror"));
        assertTrue(compiled.success(), () -> String.join("\n", compiled.messages()));
        assertEquals(List.of(), compiled.messages());
        ClassLoader loader = compiled.classLoader(GeneratedGraphqlResolversTest.class.getClassLoader());
        GraphqlBindings bindings = (GraphqlBindings) loader.loadClass(PACKAGE + ".WorkspaceGraphql").getConstructor().newInstance();
        data = new InMemoryDataSource(workspace);
        GraphQLSchema schema = GraphqlSchemaFactory.build(sdl, bindings, data);
        graphql = GraphQL.newGraphQL(schema).queryExecutionStrategy(new DirectObjectStrategy(new SimpleDataFetcherExceptionHandler())).build();
        plain = GraphQL.newGraphQL(schema).build();
    }

    @BeforeEach
    void seed() {
        data.clear();
        shelterId = data.put("shelter", record("name", "North shelter", "city", "Paris", "capacity", 40));
        data.put("shelter", record("name", "South shelter", "city", "Lyon", "capacity", 10));
        Map<String, Object> rex = record("name", "Rex", "species", "DOG", "colors", List.of("BLACK", "WHITE"),
                "tags", List.of("calm"), "weightKg", 31.5, "isAdopted", false, "shelterId", shelterId,
                "monthlyCost", record("amountMicros", new BigDecimal("120000000"), "currencyCode", "EUR"),
                "createdBy", record("source", "IMPORT", "name", "Import"));
        rexId = data.put("pet", rex);
        data.put("pet", record("name", "Tom", "species", "CAT", "colors", List.of("GINGER"), "weightKg", 4.5,
                "isAdopted", true, "shelterId", shelterId, "createdBy", record("source", "MANUAL")));
    }

    private Map<String, Object> run(String request, Map<String, Object> variables) {
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput(request).variables(variables).build());
        assertEquals(List.of(), result.getErrors(), request);
        return result.getData();
    }

    @Test
    void argumentLessFieldsOfDataClassesAreServedDirectlyAndTheOthersByTheirResolvers() {
        GraphQLSchema schema = graphql.getGraphQLSchema();
        for (String value : List.of("Pet.name", "Pet.tags", "Pet.weightKg", "Pet.shelterId", "Currency.amountMicros", "Actor.name")) {
            assertTrue(fetcher(schema, value) instanceof DirectFields.ValueFetcher, value + " should be read from the values");
        }
        // Enums become constants and composites their classes: their accessors are called directly.
        for (String accessor : List.of("Pet.species", "Pet.colors", "Pet.monthlyCost", "Actor.source", "PetEdge.node",
                "PetEdge.cursor", "PetConnection.edges", "PetConnection.pageInfo")) {
            assertTrue(fetcher(schema, accessor) instanceof DirectFields.AccessorFetcher, accessor + " should call its accessor");
        }
        assertTrue(fetcher(schema, "PetConnection.totalCount") instanceof DirectFields.AggregateFetcher);
        // Relations and root fields are loaded by resolver classes; fields with arguments keep graphql-java-tools.
        for (String resolved : List.of("Pet.shelter", "Shelter.pets", "Query.pets", "Query.pet")) {
            DataFetcher<?> fetcher = fetcher(schema, resolved);
            assertFalse(fetcher instanceof DirectFields.ValueFetcher || fetcher instanceof DirectFields.AccessorFetcher
                    || fetcher instanceof DirectFields.AggregateFetcher, resolved + " should keep its resolver");
        }
    }

    private static DataFetcher<?> fetcher(GraphQLSchema schema, String coordinates) {
        String[] parts = coordinates.split("\\.");
        GraphQLObjectType type = schema.getObjectType(parts[0]);
        return schema.getCodeRegistry().getDataFetcher(type, type.getFieldDefinition(parts[1]));
    }

    @Test
    void aQueryReadsScalarsEnumsCompositesAggregatesAndRelationsInBothDirections() {
        Map<String, Object> result = run("""
                query Dogs($filter: PetFilterInput) {
                  pets(filter: $filter, first: 10) {
                    totalCount
                    sumWeightKg
                    edges {
                      cursor
                      node {
                        id name species colors tags weightKg isAdopted
                        monthlyCost { amountMicros currencyCode }
                        createdBy { source name }
                        shelterId
                        shelter { city pets(first: 1) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }
                      }
                    }
                    pageInfo { hasNextPage hasPreviousPage startCursor }
                  }
                }""", Map.of("filter", Map.of("species", Map.of("in", List.of("DOG")))));

        Map<String, Object> pets = map(result.get("pets"));
        assertEquals(1, pets.get("totalCount"));
        assertEquals(31.5, pets.get("sumWeightKg"));
        Map<String, Object> edge = map(list(pets.get("edges")).get(0));
        assertEquals("cursor:" + rexId, edge.get("cursor"));
        Map<String, Object> rex = map(edge.get("node"));
        assertEquals(rexId, rex.get("id"));
        assertEquals("Rex", rex.get("name"));
        assertEquals("DOG", rex.get("species"));
        assertEquals(List.of("BLACK", "WHITE"), rex.get("colors"));
        assertEquals(List.of("calm"), rex.get("tags"));
        assertEquals(false, rex.get("isAdopted"));
        assertEquals(Map.of("amountMicros", new BigDecimal("120000000"), "currencyCode", "EUR"), rex.get("monthlyCost"));
        assertEquals(Map.of("source", "IMPORT", "name", "Import"), rex.get("createdBy"));
        Map<String, Object> shelter = map(rex.get("shelter"));
        assertEquals("Paris", shelter.get("city"));
        Map<String, Object> shelterPets = map(shelter.get("pets"));
        assertEquals(2, shelterPets.get("totalCount"));
        assertEquals(1, list(shelterPets.get("edges")).size());
        assertEquals(true, map(shelterPets.get("pageInfo")).get("hasNextPage"));
        assertEquals(Map.of("hasNextPage", false, "hasPreviousPage", false, "startCursor", "cursor:" + rexId), pets.get("pageInfo"));

        // The data source saw plain values: the enum filter as names in maps.
        assertEquals(List.of("pet.findMany", "pet.shelter", "shelter.pets"), data.calls);
        FindManyArgs args = (FindManyArgs) data.inputs.get(0);
        assertEquals(Map.of("species", Map.of("in", List.of("DOG"))), args.filter());
        assertEquals(10, args.first());
        assertNull(args.orderBy());
    }

    @Test
    void findOneTakesAFilterAndAnswersNullWhenNothingMatches() {
        Map<String, Object> found = run("{ pet(filter: {name: {eq: \"Tom\"}}) { name species colors } }", Map.of());
        assertEquals(Map.of("name", "Tom", "species", "CAT", "colors", List.of("GINGER")), found.get("pet"));
        Map<String, Object> missing = run("{ pet(filter: {name: {eq: \"Nobody\"}}) { name } }", Map.of());
        assertNull(missing.get("pet"));
    }

    @Test
    void aBatchCreateWithUpsertReachesTheDataSourceAsPlainValues() {
        Map<String, Object> result = run("""
                mutation Create($data: [PetCreateInput!]!) {
                  createPets(data: $data, upsert: true) { id name species colors monthlyCost { amountMicros currencyCode } shelter { name } }
                }""", Map.of("data", List.of(record(
                "name", "Neo", "species", "CAT", "colors", List.of("BLACK"), "shelterId", shelterId, "kennelOrder", "first",
                "monthlyCost", record("amountMicros", 1500000000.5, "currencyCode", "EUR")))));

        Map<String, Object> neo = map(list(result.get("createPets")).get(0));
        assertEquals("Neo", neo.get("name"));
        assertEquals("CAT", neo.get("species"));
        assertEquals(List.of("BLACK"), neo.get("colors"));
        assertEquals(Map.of("name", "North shelter"), neo.get("shelter"));
        assertEquals(List.of("pet.createMany(upsert)", "pet.shelter"), data.calls);
        Map<String, Object> input = map(list(data.inputs.get(0)).get(0));
        assertEquals("CAT", input.get("species"));
        assertEquals(List.of("BLACK"), input.get("colors"));
        assertEquals("first", input.get("kennelOrder"));
        // Decimals stay exact on the way in.
        assertEquals(new BigDecimal("1500000000.5"), map(input.get("monthlyCost")).get("amountMicros"));
        assertInstanceOf(String.class, input.get("shelterId"));
    }

    @Test
    void singleRecordMutationsTakeTheIdAndReturnTheRecord() {
        Map<String, Object> updated = run("mutation($id: UUID!) { updatePet(id: $id, data: {name: \"Rex II\", species: BIRD}) "
                + "{ name species } }", Map.of("id", rexId));
        assertEquals(Map.of("name", "Rex II", "species", "BIRD"), updated.get("updatePet"));
        Map<String, Object> deleted = run("mutation($id: UUID!) { deletePet(id: $id) { deletedAt } }", Map.of("id", rexId));
        assertEquals(Map.of("deletedAt", "2026-01-01T00:00:00.000Z"), deleted.get("deletePet"));
        assertNull(run("{ pet(filter: {name: {eq: \"Rex II\"}}) { name } }", Map.of()).get("pet"));
        run("mutation($id: UUID!) { restorePet(id: $id) { name } }", Map.of("id", rexId));
        Map<String, Object> destroyed = run("mutation($id: UUID!) { destroyPet(id: $id) { name } }", Map.of("id", rexId));
        assertEquals(Map.of("name", "Rex II"), destroyed.get("destroyPet"));
        assertNull(data.get("pet", rexId));
    }

    @Test
    void scalarsRejectMalformedInput() {
        ExecutionResult result = graphql.execute("{ pet(filter: {id: {eq: \"not-a-uuid\"}}) { name } }");
        assertEquals(1, result.getErrors().size());
        assertTrue(result.getErrors().get(0).getMessage().contains("Invalid UUID"), result.getErrors().get(0).getMessage());
        assertEquals(List.of(), data.calls);
    }

    @Test
    void directlyCompletedObjectsAnswerWhatGraphqlJavaAnswers() {
        String nested = """
                { pets(first: 10) { totalCount edges { cursor node {
                    id name species colors tags weightKg isAdopted monthlyCost { amountMicros currencyCode }
                    createdBy { source name } shelter { city pets { edges { node { name species } } } } } } } }""";
        String fragmentsAndAliases = """
                query { pets { __typename all: totalCount edges { node { ...Basics alias: name
                    monthlyCost { ... on Currency { code: currencyCode } __typename } } } } }
                fragment Basics on Pet { __typename id name species }""";
        String directives = """
                query Dogs($skip: Boolean!) { pets { edges { node { name @skip(if: $skip) species colors } } } }""";
        for (String query : List.of(nested, fragmentsAndAliases, directives)) {
            assertSameResult(query, Map.of("skip", true));
        }
    }

    @Test
    void aValueDirectCompletionCannotTakeIsLeftToGraphqlJavaWithItsErrorsAndNulls() {
        // A null in a non-null field (nulls the edge's node and, as PetEdge.node is non-null, the edge),
        // and an enum value that is not one of the enum's.
        data.put("pet", record("name", "Nobody knows", "species", "DOG", "shelterId", shelterId));
        data.put("pet", record("name", "Polly", "species", "PARROT", "isAdopted", false, "shelterId", shelterId));
        String query = "{ pets { edges { node { name species isAdopted } } } shelters { edges { node { pets { edges { node { name isAdopted } } } } } } }";
        ExecutionResult result = assertSameResult(query, Map.of());
        assertEquals(3, result.getErrors().size(), () -> result.getErrors().toString());
    }

    @Test
    void objectsOfDirectFieldsAreCompletedWithoutGraphqlJavasPerObjectExecution() {
        ObjectsExecuted counted = new ObjectsExecuted();
        GraphQL withCount = graphql.transform(builder -> builder.instrumentation(counted));
        String query = "{ pets { edges { node { name monthlyCost { currencyCode } shelter { city } } } } }";
        assertEquals(List.of(), withCount.execute(query).getErrors());
        // graphql-java executes the pets connection's objects one by one only down to what holds a
        // relation: the connection, its two edges, and their nodes. Both shelters and the costs are direct.
        assertEquals(5, counted.objects);
        assertEquals(plain.execute(query).toSpecification(), withCount.execute(query).toSpecification());

        // A directive anywhere in the document: graphql-java executes every object (one per cost present).
        counted.objects = 0;
        ExecutionResult withDirective = withCount.execute(ExecutionInput.newExecutionInput(
                "query($yes: Boolean!) { pets { edges { node { name @include(if: $yes) monthlyCost { currencyCode } shelter { city } } } } }")
                .variables(Map.of("yes", true)).build());
        assertEquals(List.of(), withDirective.getErrors());
        assertEquals(8, counted.objects);
    }

    @Test
    void relationsReadAlongWithTheirRecordsAreCompletedWithoutTheirResolvers() {
        data.put("pet", record("name", "Stray", "species", "CAT", "isAdopted", false));
        ObjectsExecuted counted = new ObjectsExecuted();
        GraphQL withCount = graphql.transform(builder -> builder.instrumentation(counted));
        String query = "{ pets { edges { node { name shelter { city } home: shelter { name capacity } } } } "
                + "shelters { edges { node { city pets { totalCount edges { node { name } } } } } } }";
        ExecutionResult loaded = graphql.execute(query);
        assertEquals(List.of(), loaded.getErrors());
        assertTrue(data.calls.containsAll(List.of("pet.shelter", "shelter.pets")), data.calls::toString);

        data.readRelationsAlong = true;
        data.calls.clear();
        ExecutionResult held = withCount.execute(query);
        assertEquals(loaded.toSpecification(), held.toSpecification());
        assertEquals(List.of("pet.findMany", "shelter.findMany"), data.calls);
        // Both connections are completed in one go each, the stray's null shelter included.
        assertEquals(0, counted.objects);
        assertNull(map(map(list(map(map(held.getData()).get("pets")).get("edges")).get(2)).get("node")).get("shelter"));

        // Given arguments, a connection is loaded for them, held page or not; so are relations of records
        // that hold none (a shelter's pets, here).
        data.calls.clear();
        assertSameResult("{ shelters { edges { node { pets(first: 1) { edges { node { name shelter { city } } } } } } } }", Map.of());
        assertTrue(data.calls.containsAll(List.of("shelter.pets", "pet.shelter")), data.calls::toString);
    }

    /** Runs {@code query} both ways; the two answers must be the same, errors included. */
    private static ExecutionResult assertSameResult(String query, Map<String, Object> variables) {
        ExecutionResult expected = plain.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
        ExecutionResult direct = graphql.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
        assertEquals(expected.toSpecification(), direct.toSpecification(), query);
        return direct;
    }

    /** Counts the objects graphql-java's strategy executes field by field. */
    private static final class ObjectsExecuted extends SimplePerformantInstrumentation {
        private int objects;

        @Override
        public ExecuteObjectInstrumentationContext beginExecuteObject(
                InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
            objects++;
            return super.beginExecuteObject(parameters, state);
        }
    }

    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            record.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return record;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
