package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.api.graphql.GraphqlScalars;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.graphql.GraphqlConfiguration;
import dev.crmschema.runtime.graphql.GraphqlRequest;
import dev.crmschema.runtime.graphql.QueryLimits;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.permissions.RoleStore;
import dev.crmschema.runtime.permissions.SettingsPermission;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The GraphQL metadata API (contract section 3.2): the same reads and changes as the REST metadata API,
 * through the same edits, validation and live swap, with the reference's type and argument names.
 * API keys and roles are served by {@link KeyAndRoleGraphql}. Connection cursors are item ids. Operations are held to the core API's depth and complexity limits:
 * {@code Object.fields} and {@code Field.object} nest without end.
 */
public final class MetadataGraphql {
    private static final String SNAPSHOT = "snapshot";
    private static final String SHAPED = "shaped";
    static final String ACCESS = "access";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final MetadataService service;
    private final KeyAndRoleGraphql keysAndRoles;
    private final GraphQL graphql;

    public MetadataGraphql(MetadataService service, GraphqlConfiguration limits, ApiKeyStore keys, RoleStore roles) {
        this.service = service;
        this.keysAndRoles = new KeyAndRoleGraphql(keys, roles);
        this.graphql = GraphQL.newGraphQL(schema()).instrumentation(new QueryLimits(limits))
                .defaultDataFetcherExceptionHandler(new MetadataGraphqlErrors()).build();
    }

    /**
     * Runs one request on the caller's workspace; model mutations need the caller's role to have
     * {@code DATA_MODEL}, key operations {@code API_KEYS_AND_WEBHOOKS}, role operations {@code ROLES}.
     */
    public ExecutionResult execute(WorkspaceSnapshot snapshot, Access access, GraphqlRequest request) {
        ExecutionInput input = ExecutionInput.newExecutionInput().query(request.query()).variables(request.variables())
                .operationName(request.operationName())
                .graphQLContext(Map.of(SNAPSHOT, snapshot, SHAPED, new Shaped[1], ACCESS, access)).build();
        return graphql.execute(input);
    }

    private GraphQLSchema schema() {
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl());
        types.add(EnumTypeDefinition.newEnumTypeDefinition().name("FieldMetadataType")
                .enumValueDefinitions(Arrays.stream(FieldKind.values()).map(k -> new EnumValueDefinition(k.name())).toList())
                .build());
        KeyAndRoleGraphql.declare(types);
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        GraphqlScalars.all().stream().filter(s -> List.of("UUID", "JSON", "DateTime").contains(s.getName())).forEach(wiring::scalar);
        TypeRuntimeWiring.Builder query = TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("objects", this::objectConnection)
                .dataFetcher("object", env -> object(env, env.getArgument("id")))
                .dataFetcher("fields", this::fieldConnection)
                .dataFetcher("field", env -> field(env, env.getArgument("id")));
        wiring.type(TypeRuntimeWiring.newTypeWiring("Object").dataFetcher("fields", env -> connectionOf(env, "fields"))
                .dataFetcher("fieldsList", env -> list(env.<Map<String, Object>>getSource().get("fields")))
                .dataFetcher("indexMetadatas", env -> connectionOf(env, "indexMetadatas")));
        wiring.type(TypeRuntimeWiring.newTypeWiring("Index")
                .dataFetcher("indexFieldMetadatas", env -> connectionOf(env, "indexFieldMetadatas")));
        wiring.type(TypeRuntimeWiring.newTypeWiring("Field").dataFetcher("object", this::objectOfField));
        TypeRuntimeWiring.Builder mutations = TypeRuntimeWiring.newTypeWiring("Mutation");
        mutations.dataFetcher("createOneObject", change(MetadataGraphql::createObject));
        mutations.dataFetcher("updateOneObject", change(MetadataGraphql::updateObject));
        mutations.dataFetcher("deleteOneObject", change(MetadataGraphql::deleteObject));
        mutations.dataFetcher("createOneField", change(MetadataGraphql::createField));
        mutations.dataFetcher("updateOneField", change(MetadataGraphql::updateField));
        mutations.dataFetcher("deleteOneField", change(MetadataGraphql::deleteField));
        keysAndRoles.wire(wiring, query, mutations);
        wiring.type(query);
        wiring.type(mutations);
        return new SchemaGenerator().makeExecutableSchema(types, wiring.build());
    }

    private static void createObject(ModelChange change, JsonNode input) {
        ObjectEdits.create(change, input.path("object"));
    }

    private static void updateObject(ModelChange change, JsonNode input) {
        ObjectEdits.update(change, input.path("id").asText(), input.path("update"));
    }

    private static void deleteObject(ModelChange change, JsonNode input) {
        ObjectEdits.delete(change, input.path("id").asText());
    }

    private static void createField(ModelChange change, JsonNode input) {
        FieldEdits.create(change, input.path("field"));
    }

    private static void updateField(ModelChange change, JsonNode input) {
        FieldEdits.update(change, input.path("id").asText(), input.path("update"));
    }

    private static void deleteField(ModelChange change, JsonNode input) {
        FieldEdits.delete(change, input.path("id").asText());
    }

    private Map<String, Object> objectConnection(DataFetchingEnvironment env) {
        return GraphqlConnections.connection(objects(env), env.getArgument("paging"), env.getArgument("filter"));
    }

    private Map<String, Object> fieldConnection(DataFetchingEnvironment env) {
        return GraphqlConnections.connection(fields(env), env.getArgument("paging"), env.getArgument("filter"));
    }

    /** A connection over the items a shaped object or index holds under {@code key}. */
    private static Map<String, Object> connectionOf(DataFetchingEnvironment env, String key) {
        Map<String, Object> source = env.getSource();
        return GraphqlConnections.connection(list(source.get(key)), env.getArgument("paging"), env.getArgument("filter"));
    }

    private Map<String, Object> objectOfField(DataFetchingEnvironment env) {
        Map<String, Object> field = env.getSource();
        return object(env, (String) field.get("objectMetadataId"));
    }

    private DataFetcher<Map<String, Object>> change(BiConsumer<ModelChange, JsonNode> edit) {
        return env -> {
            Access access = env.getGraphQlContext().get(ACCESS);
            access.require(SettingsPermission.DATA_MODEL);
            JsonNode input = JSON.valueToTree(env.getArgument("input"));
            MetadataService.Answer answer = service.change(snapshot(env), current -> {
                ModelChange change = new ModelChange(current, WorkspaceSource.of(current.files()));
                edit.accept(change, input);
                return change;
            });
            return map(answer.body());
        };
    }

    private List<Map<String, Object>> objects(DataFetchingEnvironment env) {
        return List.copyOf(shaped(env).objects().values());
    }

    private List<Map<String, Object>> fields(DataFetchingEnvironment env) {
        return List.copyOf(shaped(env).fields().values());
    }

    private Map<String, Object> object(DataFetchingEnvironment env, String id) {
        Map<String, Object> object = shaped(env).objects().get(id);
        if (object == null) {
            throw ApiException.notFound("Object " + id + " not found");
        }
        return object;
    }

    private Map<String, Object> field(DataFetchingEnvironment env, String id) {
        Map<String, Object> field = shaped(env).fields().get(id);
        if (field == null) {
            throw ApiException.notFound("Field " + id + " not found");
        }
        return field;
    }

    /**
     * Every object (with its indexes) and field as the API shows them, by id, built once per request and
     * metadata version ({@code fields { object { ... } } } asks for the same object once per field). The
     * fields by id are the very maps of their objects' field lists, shaped once.
     */
    private record Shaped(WorkspaceMetadata source, Map<String, Map<String, Object>> objects, Map<String, Map<String, Object>> fields) {
        static Shaped of(WorkspaceMetadata metadata) {
            Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
            Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
            for (ObjectType o : metadata.all().objects()) {
                Map<String, Object> object = map(MetadataJson.object(metadata, o).set("indexMetadatas", MetadataJson.indexes(metadata, o)));
                objects.put(metadata.id(o).toString(), object);
                list(object.get("fields")).forEach(field -> fields.put((String) field.get("id"), field));
            }
            return new Shaped(metadata, objects, fields);
        }
    }

    private Shaped shaped(DataFetchingEnvironment env) {
        Shaped[] holder = env.getGraphQlContext().get(SHAPED);
        WorkspaceMetadata metadata = metadata(env);
        // Mutations of the same request run one after another, so there is no race on the holder.
        if (holder[0] == null || holder[0].source() != metadata) {
            holder[0] = Shaped.of(metadata);
        }
        return holder[0];
    }

    /** The newest metadata this server knows, so that fields of a mutation's answer see the change. */
    private WorkspaceMetadata metadata(DataFetchingEnvironment env) {
        return service.metadata(snapshot(env));
    }

    static WorkspaceSnapshot snapshot(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(SNAPSHOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : new ArrayList<>((List<Map<String, Object>>) value);
    }

    private static String sdl() {
        try (InputStream in = MetadataGraphql.class.getResourceAsStream("metadata.graphqls")) {
            if (in == null) {
                throw new IllegalStateException("metadata.graphqls is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
