package dev.crmschema.runtime.api.graphql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import graphql.kickstart.tools.ObjectMapperConfigurer;
import graphql.kickstart.tools.SchemaParser;
import graphql.kickstart.tools.SchemaParserOptions;
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
    private static final SchemaParserOptions OPTIONS = SchemaParserOptions.newOptions()
            .objectMapperConfigurer((ObjectMapperConfigurer) (mapper, context) ->
                    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    public static GraphQLSchema build(String sdl, GraphqlBindings bindings, GraphqlDataSource dataSource) {
        return SchemaParser.newParser()
                .schemaString(sdl)
                .resolvers(bindings.resolvers(new GraphqlResolverSupport(dataSource)))
                .dictionary(bindings.dictionary())
                .scalars(GraphqlScalars.all())
                .options(OPTIONS)
                .build()
                .makeExecutableSchema();
    }
}
