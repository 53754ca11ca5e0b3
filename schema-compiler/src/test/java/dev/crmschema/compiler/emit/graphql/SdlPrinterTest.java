package dev.crmschema.compiler.emit.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.testing.ExampleWorkspaces;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.GraphqlTypeComparatorRegistry;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printer must print what graphql-java prints for the schema built from the same document. */
class SdlPrinterTest {
    private static final SchemaPrinter GRAPHQL_JAVA = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeSchemaDefinition(true)
            .includeScalarTypes(true)
            .includeDirectiveDefinitions(false)
            .includeDirectives(false)
            .setComparators(GraphqlTypeComparatorRegistry.AS_IS_REGISTRY));

    private static String printedByGraphqlJava(Document document) {
        return GRAPHQL_JAVA.print(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(document)));
    }

    @Test
    void printsTheShowcaseSchemaAsGraphqlJavaDoes() {
        Document document = GraphqlSchema.build(ExampleWorkspaces.showcase());
        assertEquals(printedByGraphqlJava(document), SdlPrinter.print(document));
    }

    @Test
    void printsEveryFormOfDescriptionArgumentAndDefaultAsGraphqlJavaDoes() {
        FieldDefinition plain = Sdl.field("plain", Sdl.named("String"), "", List.of(
                Sdl.input("first", Sdl.named("Int")), Sdl.input("names", Sdl.nonNull(Sdl.list(Sdl.nonNull("String"))))));
        FieldDefinition described = Sdl.field("described", Sdl.list("Kind"), "Two lines:\nthe second has \"\"\" in it", List.of(
                Sdl.input("kind", Sdl.named("Kind"), "Which kind"), Sdl.input("limit", Sdl.named("Int"))));
        InputValueDefinition withDefault = InputValueDefinition.newInputValueDefinition().name("label")
                .type(Sdl.named("String")).defaultValue(new StringValue("a \"quoted\" default")).build();
        ObjectTypeDefinition query = ObjectTypeDefinition.newObjectTypeDefinition().name("Query")
                .description(Sdl.description("Quotes \" and backslashes \\ and a tab\tstay escaped"))
                .fieldDefinitions(List.of(plain, described, Sdl.field("search", Sdl.named("Int"), "", List.of(withDefault))))
                .build();
        List<TypeDefinition<?>> types = List.of(query,
                Sdl.enumType("Kind", "Kinds, with a trailing line break\n", List.of(Sdl.enumValue("B", "The second"), Sdl.enumValue("A"))),
                Sdl.inputType("Filter", "Ünïcödé is printed as it is", List.of(Sdl.input("kind", Sdl.named("Kind"), "Line one\nline two"))),
                ScalarTypeDefinition.newScalarTypeDefinition().name("Cursor").description(Sdl.description("An opaque cursor")).build());
        Document.Builder document = Document.newDocument()
                .definition(SchemaDefinition.newSchemaDefinition().description(Sdl.description("The schema"))
                        .operationTypeDefinition(new OperationTypeDefinition("query", new TypeName("Query"))).build());
        types.forEach(document::definition);

        String printed = SdlPrinter.print(document.build());

        assertEquals(printedByGraphqlJava(document.build()), printed);
        assertTrue(printed.contains("  described(\n    \"Which kind\"\n    kind: Kind,\n    limit: Int\n  ): [Kind]\n"), printed);
    }

    @Test
    void aTypeUsedButNotDefinedIsABugInTheBuilders() {
        ObjectTypeDefinition query = ObjectTypeDefinition.newObjectTypeDefinition().name("Query")
                .fieldDefinition(Sdl.field("pets", Sdl.named("PetConnection"))).build();

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Reachability.prune(List.of(query), List.of("Query")));
        assertEquals("GraphQL type used but not defined: PetConnection", error.getMessage());
    }
}
