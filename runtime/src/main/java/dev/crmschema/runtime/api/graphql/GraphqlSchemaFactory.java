package dev.crmschema.runtime.api.graphql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.kickstart.tools.ObjectMapperConfigurer;
import graphql.kickstart.tools.PerFieldConfiguringObjectMapperProvider;
import graphql.kickstart.tools.PerFieldObjectMapperProvider;
import graphql.kickstart.tools.SchemaParser;
import graphql.kickstart.tools.SchemaParserOptions;
import graphql.language.FieldDefinition;
import graphql.schema.GraphQLSchema;

/**
 * Builds a workspace's executable GraphQL schema from its generated SDL and {@link GraphqlBindings},
 * the runtime's scalars, and a {@link GraphqlDataSource}.
 *
 * <p>While building, graphql-java-tools logs a WARN ("Cannot find definition for field ...") for every
 * input field whose type it does not look up by class: scalars, and the input and enum types it finds
 * from resolver signatures instead (see {@link GraphqlBindings#dictionary()}). Several hundred per
 * workspace, all harmless: set logger {@code graphql.kickstart.tools.SchemaClassScanner} to ERROR.
 */
public final class GraphqlSchemaFactory {
    private GraphqlSchemaFactory() {}

    /**
     * Input arguments reach the data source through Jackson: decimals stay {@link java.math.BigDecimal}
     * (NUMERIC values and currency micros must not pass through a double).
     */
    private static final ObjectMapperConfigurer DECIMALS = (mapper, context) ->
            mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public static GraphQLSchema build(String sdl, GraphqlBindings bindings, GraphqlDataSource dataSource) {
        GraphQLSchema schema = SchemaParser.newParser()
                .schemaString(sdl)
                .resolvers(bindings.resolvers(new GraphqlResolverSupport(dataSource)))
                .dictionary(bindings.dictionary())
                .scalars(GraphqlScalars.all())
                .options(SchemaParserOptions.newOptions().objectMapperProvider(new OneMapperPerSchema()).build())
                .build()
                .makeExecutableSchema();
        Class<?> generated = bindings.getClass();
        return ValueFields.serveDirectly(schema, generated.getClassLoader(), generated.getPackageName());
    }

    /**
     * graphql-java-tools makes an {@code ObjectMapper} per field by default, each with its Jdk8 and Kotlin
     * modules and their caches: hundreds per schema, megabytes of heap. {@link #DECIMALS} is the same for
     * every field, so one mapper per schema reads arguments the same way. Not one for all schemas: a
     * mapper caches the generated input classes it has read, which would keep a model's classes loaded
     * after no workspace serves the model any more.
     */
    private static final class OneMapperPerSchema implements PerFieldObjectMapperProvider {
        private final PerFieldConfiguringObjectMapperProvider configured = new PerFieldConfiguringObjectMapperProvider(DECIMALS);
        private ObjectMapper mapper;

        @Override
        public synchronized ObjectMapper provide(FieldDefinition field) {
            if (mapper == null) {
                mapper = configured.provide(field);
            }
            return mapper;
        }
    }
}
