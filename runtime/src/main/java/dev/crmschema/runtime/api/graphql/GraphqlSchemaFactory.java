package dev.crmschema.runtime.api.graphql;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.kickstart.tools.GraphQLResolver;
import graphql.kickstart.tools.ObjectMapperConfigurer;
import graphql.kickstart.tools.PerFieldConfiguringObjectMapperProvider;
import graphql.kickstart.tools.PerFieldObjectMapperProvider;
import graphql.kickstart.tools.SchemaParser;
import graphql.kickstart.tools.SchemaParserOptions;
import graphql.language.FieldDefinition;
import graphql.schema.GraphQLSchema;
import java.util.List;

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
        List<GraphQLResolver<?>> resolvers = bindings.resolvers(new GraphqlResolverSupport(dataSource));
        GraphQLSchema schema = SchemaParser.newParser()
                .schemaString(sdl)
                .resolvers(resolvers)
                .dictionary(bindings.dictionary())
                .scalars(GraphqlScalars.all())
                .options(SchemaParserOptions.newOptions().objectMapperProvider(new OneMapperPerSchema()).build())
                .build()
                .makeExecutableSchema();
        Class<?> generated = bindings.getClass();
        return DirectFields.serveDirectly(schema, generated.getClassLoader(), generated.getPackageName(), resolvers);
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
                mapper = new ArgumentMapper(configured.provide(field));
            }
            return mapper;
        }
    }

    /**
     * graphql-java-tools converts every argument of a resolver method, absent ones too, and Jackson turns
     * converting a null into a serialize-and-parse round trip through a token buffer. A connection field
     * has seven arguments, mostly absent, and a nested query calls one per parent record; an absent
     * argument is now null at once. Resolver parameters are never primitives, whose null would be a zero.
     */
    private static final class ArgumentMapper extends ObjectMapper {
        private static final long serialVersionUID = 1L;

        ArgumentMapper(ObjectMapper configured) {
            super(configured);
        }

        @Override
        public ObjectMapper copy() {
            return new ArgumentMapper(this);
        }

        @Override
        public <T> T convertValue(Object fromValue, TypeReference<T> toValueTypeRef) {
            if (fromValue == null && !(toValueTypeRef.getType() instanceof Class<?> type && type.isPrimitive())) {
                return null;
            }
            return super.convertValue(fromValue, toValueTypeRef);
        }
    }
}
