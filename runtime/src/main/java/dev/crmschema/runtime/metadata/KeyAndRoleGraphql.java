package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.runtime.auth.ApiKey;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.permissions.Role;
import dev.crmschema.runtime.permissions.RoleStore;
import dev.crmschema.runtime.permissions.SettingsPermission;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The API-key and role operations of the GraphQL metadata API (reference contract, sections 3.2, 6.1 and
 * 6.2), on the stores the REST routes use: queries {@code apiKeys}, {@code apiKey}, {@code getRoles};
 * mutations {@code createApiKey}, {@code updateApiKey}, {@code revokeApiKey}, {@code assignRoleToApiKey},
 * {@code generateApiKeyToken}. Keys need {@code API_KEYS_AND_WEBHOOKS}, roles {@code ROLES}; a refusal is
 * checked before anything changes. Keys and roles of another workspace are {@code NOT_FOUND}.
 *
 * <p>As in the reference, the type {@code ApiKey} has no secret, so no query can show one: a token exists
 * only in the answer of {@code generateApiKeyToken}, which gives the key a new secret and makes its old
 * token stop working at once. A key made by {@code createApiKey} is usable once a token was generated
 * for it (the reference's own client calls the two one after the other).
 */
final class KeyAndRoleGraphql {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiKeyStore keys;
    private final RoleStore roles;

    KeyAndRoleGraphql(ApiKeyStore keys, RoleStore roles) {
        this.keys = keys;
        this.roles = roles;
    }

    /** Adds the enum {@code PermissionFlagType}, made from the settings permissions the runtime knows. */
    static void declare(TypeDefinitionRegistry types) {
        types.add(EnumTypeDefinition.newEnumTypeDefinition().name("PermissionFlagType")
                .enumValueDefinitions(Arrays.stream(SettingsPermission.values()).map(p -> new EnumValueDefinition(p.name())).toList())
                .build());
    }

    void wire(RuntimeWiring.Builder wiring, TypeRuntimeWiring.Builder query, TypeRuntimeWiring.Builder mutation) {
        query.dataFetcher("apiKeys", this::apiKeys)
                .dataFetcher("apiKey", this::apiKey)
                .dataFetcher("getRoles", this::getRoles);
        mutation.dataFetcher("createApiKey", this::createApiKey)
                .dataFetcher("updateApiKey", this::updateApiKey)
                .dataFetcher("revokeApiKey", this::revokeApiKey)
                .dataFetcher("assignRoleToApiKey", this::assignRoleToApiKey)
                .dataFetcher("generateApiKeyToken", this::generateApiKeyToken);
        wiring.type(TypeRuntimeWiring.newTypeWiring("ApiKey").dataFetcher("role", this::roleOfKey));
    }

    private List<Map<String, Object>> apiKeys(DataFetchingEnvironment env) {
        require(env, SettingsPermission.API_KEYS_AND_WEBHOOKS);
        return keys.list(workspaceId(env)).stream().map(KeyAndRoleGraphql::json).toList();
    }

    private Map<String, Object> apiKey(DataFetchingEnvironment env) {
        require(env, SettingsPermission.API_KEYS_AND_WEBHOOKS);
        return json(key(env, input(env).get("id")));
    }

    private List<Map<String, Object>> getRoles(DataFetchingEnvironment env) {
        require(env, SettingsPermission.ROLES);
        return roles.list(workspaceId(env)).stream().map(KeyAndRoleGraphql::json).toList();
    }

    /** The new key without a token: {@code generateApiKeyToken} gives it one (see the class comment). */
    private Map<String, Object> createApiKey(DataFetchingEnvironment env) {
        require(env, SettingsPermission.API_KEYS_AND_WEBHOOKS);
        Map<String, Object> input = input(env);
        OffsetDateTime expiresAt = ApiKeysResource.timestamp((String) input.get("expiresAt"));
        Optional<UUID> roleId = Optional.ofNullable((String) input.get("roleId")).map(id -> role(env, id).id());
        return json(keys.create(workspaceId(env), name(input.get("name")), expiresAt, roleId).key());
    }

    private Map<String, Object> updateApiKey(DataFetchingEnvironment env) {
        require(env, SettingsPermission.API_KEYS_AND_WEBHOOKS);
        Map<String, Object> input = input(env);
        ApiKey key = key(env, input.get("id"));
        Optional<String> name = Optional.ofNullable(input.get("name")).map(KeyAndRoleGraphql::name);
        Optional<OffsetDateTime> expiresAt = Optional.ofNullable((String) input.get("expiresAt")).map(ApiKeysResource::timestamp);
        // Everything is checked before the first change, so a refused update changes nothing.
        name.ifPresent(n -> keys.rename(key.id(), n));
        expiresAt.ifPresent(e -> keys.changeExpiry(key.id(), e));
        if (input.get("revokedAt") != null) {
            keys.revoke(key.id());
        }
        return json(keys.byId(key.id()).orElseThrow(KeyAndRoleGraphql::keyNotFound));
    }

    private Map<String, Object> revokeApiKey(DataFetchingEnvironment env) {
        require(env, SettingsPermission.API_KEYS_AND_WEBHOOKS);
        ApiKey key = key(env, input(env).get("id"));
        keys.revoke(key.id());
        return json(keys.byId(key.id()).orElseThrow(KeyAndRoleGraphql::keyNotFound));
    }

    private boolean assignRoleToApiKey(DataFetchingEnvironment env) {
        require(env, SettingsPermission.API_KEYS_AND_WEBHOOKS);
        ApiKey key = key(env, env.getArgument("apiKeyId"));
        Role role = role(env, env.getArgument("roleId"));
        return keys.assignRole(key.id(), role.id());
    }

    /** A new secret (and optionally a new expiry): the token is in this answer only, the old one is refused at once. */
    private Map<String, Object> generateApiKeyToken(DataFetchingEnvironment env) {
        require(env, SettingsPermission.API_KEYS_AND_WEBHOOKS);
        ApiKey key = key(env, env.getArgument("apiKeyId"));
        Optional<OffsetDateTime> expiresAt = Optional.ofNullable(env.<String>getArgument("expiresAt")).map(ApiKeysResource::timestamp);
        ApiKeyStore.Created regenerated = keys.regenerate(key.id(), expiresAt).orElseThrow(KeyAndRoleGraphql::keyNotFound);
        return Map.of("token", regenerated.token());
    }

    /** A key's role: the key manager sees what the key may do, as the REST API's {@code roleId} lets it look up. */
    private Map<String, Object> roleOfKey(DataFetchingEnvironment env) {
        Map<String, Object> key = env.getSource();
        return json(roles.byId(workspaceId(env), (UUID) key.get("roleId")).orElseThrow(KeyAndRoleGraphql::roleNotFound));
    }

    private ApiKey key(DataFetchingEnvironment env, Object id) {
        return keys.byId(workspaceId(env), uuid(id)).orElseThrow(KeyAndRoleGraphql::keyNotFound);
    }

    private Role role(DataFetchingEnvironment env, Object id) {
        return roles.byId(workspaceId(env), uuid(id)).orElseThrow(KeyAndRoleGraphql::roleNotFound);
    }

    private static void require(DataFetchingEnvironment env, SettingsPermission permission) {
        Access access = env.getGraphQlContext().get(MetadataGraphql.ACCESS);
        access.require(permission);
    }

    private static UUID workspaceId(DataFetchingEnvironment env) {
        return MetadataGraphql.snapshot(env).record().id();
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        return env.getArgument("input");
    }

    private static String name(Object name) {
        String text = ((String) name).strip();
        if (text.isEmpty()) {
            throw ApiException.badRequest("name should not be empty");
        }
        return text;
    }

    /** The UUID scalar has already checked the text. */
    private static UUID uuid(Object id) {
        return UUID.fromString((String) id);
    }

    private static ApiException keyNotFound() {
        return ApiException.notFound("API key not found");
    }

    private static ApiException roleNotFound() {
        return ApiException.notFound("Role not found");
    }

    /** A key as the API shows it: never its secret or hash; {@code roleId} is read by {@code role}. */
    private static Map<String, Object> json(ApiKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id().toString());
        json.put("name", key.name());
        json.put("expiresAt", key.expiresAt());
        json.put("revokedAt", key.revokedAt().orElse(null));
        json.put("createdAt", key.createdAt());
        json.put("roleId", key.roleId());
        return json;
    }

    /** A role as REST shows it, with its settings permissions as the reference's {@code PermissionFlag} objects. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Role role) {
        Map<String, Object> json = JSON.convertValue(RoleJson.of(role), Map.class);
        List<Map<String, Object>> flags = new ArrayList<>();
        for (Object flag : (List<Object>) json.get("permissionFlags")) {
            flags.add(Map.of("roleId", role.id().toString(), "flag", flag));
        }
        json.put("permissionFlags", flags);
        return json;
    }
}
