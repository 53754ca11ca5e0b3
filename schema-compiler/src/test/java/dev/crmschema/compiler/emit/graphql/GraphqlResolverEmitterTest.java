package dev.crmschema.compiler.emit.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java side of the GraphQL schema; compiling and running it is the runtime module's test. */
class GraphqlResolverEmitterTest {
    private static final String FOLDER = "dev/crmschema/generated/showcase/graphql/";
    private static Workspace showcase;
    private static Map<String, String> sources;

    @BeforeAll
    static void emit() {
        showcase = ExampleWorkspaces.showcase();
        sources = emit(showcase);
    }

    private static Map<String, String> emit(Workspace workspace) {
        Map<String, String> files = new LinkedHashMap<>();
        for (GeneratedFile file : new GraphqlResolverEmitter().emit(workspace, new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE))) {
            assertEquals(GeneratedFile.Kind.JAVA_SOURCE, file.kind());
            files.put(file.path(), file.content());
        }
        return files;
    }

    private static String source(String simpleName) {
        String source = sources.get(FOLDER + simpleName + ".java");
        assertTrue(source != null, "no class " + simpleName);
        return source;
    }

    @Test
    void everyObjectInputAndEnumTypeOfTheSchemaHasAClass() {
        Document document = GraphqlSchema.build(showcase);
        for (ObjectTypeDefinition type : document.getDefinitionsOfType(ObjectTypeDefinition.class)) {
            if (type.getName().equals("PageInfo")) {
                assertFalse(sources.containsKey(FOLDER + "PageInfo.java"), "PageInfo is the runtime's");
            } else if (type.getName().equals("Query") || type.getName().equals("Mutation")) {
                source(type.getName() + "Resolver");
            } else {
                assertTrue(source(type.getName()).contains("public final class " + type.getName() + " extends Graph"), type.getName());
            }
        }
        for (InputObjectTypeDefinition type : document.getDefinitionsOfType(InputObjectTypeDefinition.class)) {
            assertTrue(source(type.getName()).contains("public final class " + type.getName() + " extends GraphInput {"));
        }
        for (EnumTypeDefinition type : document.getDefinitionsOfType(EnumTypeDefinition.class)) {
            assertTrue(source(type.getName()).contains("public enum " + type.getName() + " {"));
        }
        for (String source : sources.values()) {
            assertTrue(source.startsWith("// " + Headers.GENERATED + "\n"));
            assertTrue(source.contains("package dev.crmschema.generated.showcase.graphql;"));
        }
    }

    @Test
    void resolverMethodsDelegateInOneCallWithTheSchemaArgumentsInOrder() {
        String query = source("QueryResolver");
        assertTrue(query.contains("public final class QueryResolver implements GraphQLQueryResolver"));
        assertTrue(query.contains("public PetConnection pets(PetFilterInput filter, List<PetOrderByInput> orderBy,"));
        assertTrue(query.contains(
                "return support.<PetConnection>findMany(\"pet\", filter, orderBy, first, last, offset, before, after, env, "
                        + "PetConnection::new);"));
        assertTrue(query.contains("return support.<Pet>findOne(\"pet\", filter, env, Pet::new);"));
        assertTrue(query.contains("return support.<PetConnection>findDuplicates(\"pet\", ids, data, env, PetConnection::new);"));
        String mutation = source("MutationResolver");
        assertTrue(mutation.contains("public List<Pet> createPets(List<PetCreateInput> data, Boolean upsert,"));
        assertTrue(mutation.contains("return support.<Pet>createMany(\"pet\", data, upsert, env, Pet::new);"));
        assertTrue(mutation.contains("return support.<Pet>updateOne(\"pet\", id, data, env, Pet::new);"));
        assertTrue(mutation.contains("return support.<Pet>restoreMany(\"pet\", filter, env, Pet::new);"));

        String shelter = source("ShelterResolver");
        assertTrue(shelter.contains("public final class ShelterResolver implements GraphQLResolver<Shelter>"));
        assertTrue(shelter.contains("public CompletableFuture<PetConnection> pets(Shelter source, PetFilterInput filter,"));
        assertTrue(shelter.contains("return support.<PetConnection>findRelatedMany(\"shelter\", \"pets\", source, filter, orderBy, "
                + "first, last, "
                + "offset, before, after, env, PetConnection::new);"));
        String pet = source("PetResolver");
        assertTrue(pet.contains("return support.<Shelter>findRelated(\"pet\", \"shelter\", source, env, Shelter::new);"));
    }

    @Test
    void recordClassesHaveAnAccessorPerFieldExceptRelations() {
        String pet = source("Pet");
        assertTrue(pet.contains("public Object weightKg() {"));
        assertTrue(pet.contains("return value(\"weightKg\");"));
        assertTrue(pet.contains("public PetSpeciesEnum species() {"));
        assertTrue(pet.contains("return enumValue(\"species\", PetSpeciesEnum.class);"));
        assertTrue(pet.contains("public List<PetColorsEnum> colors() {"));
        assertTrue(pet.contains("return list(\"tags\");"));
        assertTrue(pet.contains("public Currency monthlyCost() {"));
        assertTrue(pet.contains("return object(\"monthlyCost\", Currency::new);"));
        assertTrue(pet.contains("public Object shelterId() {"));
        assertFalse(pet.contains(" shelter() {"));
        assertFalse(pet.contains(" visits("));
        assertTrue(source("PetEdge").contains("public final class PetEdge extends GraphEdge<Pet>"));
        assertTrue(source("PetConnection").contains("public final class PetConnection extends GraphConnection<PetEdge>"));
        assertFalse(sources.containsKey(FOLDER + "VisitRelationInput.java"), "no MANY_TO_ONE points at visits");
    }

    @Test
    void theDictionaryLeavesOutTypesThatListFieldsUse() {
        List<String> dictionary = BindingsClass.dictionary(GraphqlSchema.build(showcase),
                new JavaTypes("x", BindingsClass.byName(GraphqlSchema.build(showcase))));
        assertTrue(dictionary.containsAll(List.of("UUIDFilter", "OrderByDirection", "FilterIs", "LinksFilterInput",
                "ShelterRelationInput", "PetSpeciesEnumFilter")), dictionary.toString());
        for (String listed : List.of("PetFilterInput", "PetSpeciesEnum", "PetColorsEnum", "ActorSourceEnum", "PetOrderByInput")) {
            assertFalse(dictionary.contains(listed), listed);
        }
        String bindings = source("WorkspaceGraphql");
        assertTrue(bindings.contains("types.put(\"UUIDFilter\", UUIDFilter.class);"));
        assertTrue(bindings.contains("new ShelterResolver(support)"));
    }

    @Test
    void commentsFromMetadataCannotBreakTheJava() {
        String comment = Javadoc.of("Path C:\\users\\x */ and @param & more").toString();
        assertFalse(comment.contains("\\"));
        assertFalse(comment.contains("*/"));
        assertFalse(comment.contains("@"));
    }

    @Test
    void emittingTwiceGivesIdenticalFiles() {
        assertEquals(sources, emit(ExampleWorkspaces.showcase()));
        Map<String, String> standard = emit(ExampleWorkspaces.standard());
        assertEquals(standard, emit(ExampleWorkspaces.standard()));
        assertTrue(standard.containsKey("dev/crmschema/generated/standard/graphql/WorkspaceGraphql.java"));
    }
}
