package dev.crmschema.runtime;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.crmschema.runtime.auth.ApiKeyCache;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.auth.Authenticator;
import dev.crmschema.runtime.auth.CallerParameterProvider;
import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.commands.CreateKeyCommand;
import dev.crmschema.runtime.commands.CreateWorkspaceCommand;
import dev.crmschema.runtime.commands.DeleteKeyCommand;
import dev.crmschema.runtime.commands.DemoCommand;
import dev.crmschema.runtime.commands.ExportWorkspaceCommand;
import dev.crmschema.runtime.commands.ImportWorkspaceCommand;
import dev.crmschema.runtime.commands.ListKeysCommand;
import dev.crmschema.runtime.commands.ListRolesCommand;
import dev.crmschema.runtime.commands.ListWorkspacesCommand;
import dev.crmschema.runtime.commands.RegenerateKeyCommand;
import dev.crmschema.runtime.commands.RevokeKeyCommand;
import dev.crmschema.runtime.commands.SetRateLimitCommand;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.core.RecordChangeCompaction;
import dev.crmschema.runtime.core.WorkspaceChanges;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.DatabaseNotifications;
import dev.crmschema.runtime.docs.DocsBundle;
import dev.crmschema.runtime.docs.OpenApiResource;
import dev.crmschema.runtime.errors.ApiExceptionMapper;
import dev.crmschema.runtime.errors.JsonErrorHandler;
import dev.crmschema.runtime.errors.JsonProcessingExceptionMapper;
import dev.crmschema.runtime.errors.UnexpectedExceptionMapper;
import dev.crmschema.runtime.errors.WebApplicationExceptionMapper;
import dev.crmschema.runtime.graphql.GraphiqlBundle;
import dev.crmschema.runtime.graphql.GraphqlServlet;
import dev.crmschema.runtime.health.DatabaseHealthCheck;
import dev.crmschema.runtime.health.WorkspacesHealthCheck;
import dev.crmschema.runtime.metrics.RequestMetrics;
import dev.crmschema.runtime.limits.BodySizeLimit;
import dev.crmschema.runtime.limits.ConcurrentRequests;
import dev.crmschema.runtime.limits.LimitsConfiguration;
import dev.crmschema.runtime.limits.RateLimitFilter;
import dev.crmschema.runtime.limits.RateLimiter;
import dev.crmschema.runtime.limits.RequestBodyLimit;
import dev.crmschema.runtime.metadata.ApiKeysResource;
import dev.crmschema.runtime.metadata.InvalidMetadataExceptionMapper;
import dev.crmschema.runtime.metadata.MetadataGraphql;
import dev.crmschema.runtime.metadata.MetadataGraphqlResource;
import dev.crmschema.runtime.metadata.MetadataResource;
import dev.crmschema.runtime.metadata.MetadataService;
import dev.crmschema.runtime.metadata.MetadataSync;
import dev.crmschema.runtime.metadata.RolesResource;
import dev.crmschema.runtime.permissions.AccessCache;
import dev.crmschema.runtime.permissions.RoleStore;
import dev.crmschema.runtime.query.RecordCounts;
import dev.crmschema.runtime.rest.ClientHangUps;
import dev.crmschema.runtime.rest.JsonTreeReader;
import dev.crmschema.runtime.rest.JsonTreeWriter;
import dev.crmschema.runtime.rest.RestRootResource;
import dev.crmschema.runtime.rest.RestServices;
import dev.crmschema.runtime.rest.StrictUtf8Body;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceService;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;

/**
 * The server: one process serving every workspace's REST and GraphQL APIs and documentation over PostgreSQL.
 * {@code run} is a flat list of registrations; the work lives in the classes it wires together.
 */
public class CrmServerApplication extends Application<CrmServerConfiguration> {
    private final WorkspaceRegistry registry = new WorkspaceRegistry();
    private ApiKeyStore keys;

    public static void main(String[] args) throws Exception {
        quietJooq();
        new CrmServerApplication().run(args);
    }

    /**
     * jOOQ logs a 20-line logo and a "tip of the day" at INFO the first time it is used, unless these properties
     * are set; an operator who set them on the command line keeps the choice.
     */
    private static void quietJooq() {
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    @Override
    public String getName() {
        return "crm-schema-server";
    }

    @Override
    public void initialize(Bootstrap<CrmServerConfiguration> bootstrap) {
        bootstrap.addCommand(new DemoCommand(this));
        bootstrap.addCommand(new CreateWorkspaceCommand());
        bootstrap.addCommand(new ListWorkspacesCommand());
        bootstrap.addCommand(new CreateKeyCommand());
        bootstrap.addCommand(new ListKeysCommand());
        bootstrap.addCommand(new RevokeKeyCommand());
        bootstrap.addCommand(new RegenerateKeyCommand());
        bootstrap.addCommand(new DeleteKeyCommand());
        bootstrap.addCommand(new ListRolesCommand());
        bootstrap.addCommand(new SetRateLimitCommand());
        bootstrap.addCommand(new ExportWorkspaceCommand());
        bootstrap.addCommand(new ImportWorkspaceCommand());
        bootstrap.addBundle(new DocsBundle());
        bootstrap.addBundle(new GraphiqlBundle());
        configureJson(bootstrap.getObjectMapper());
    }

    /**
     * The application mapper's settings, which request bodies are read with: NUMERIC values and currency
     * micros keep every digit and their scale; a key sent twice in one JSON object, or anything after the
     * JSON value, is refused rather than silently dropped.
     */
    public static ObjectMapper configureJson(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    @Override
    public void run(CrmServerConfiguration configuration, Environment environment) {
        // Our mappers render every error in the contract's shape; Dropwizard's defaults would not.
        ((AbstractServerFactory) configuration.getServerFactory()).setRegisterDefaultExceptionMappers(false);

        Database database = new Database(configuration.getDatabase());
        environment.lifecycle().manage(database);
        CoreSchema.migrate(database.dsl());

        WorkspaceService workspaces = new WorkspaceService(database.dsl(), configuration.modelClasses(), registry,
                configuration.getGraphql());
        workspaces.loadAll();

        Clock clock = Clock.systemUTC();
        MetadataService metadata = new MetadataService(database.dsl(), workspaces);
        ApiKeyCache keyCache = new ApiKeyCache();
        RoleStore roles = new RoleStore(database.dsl(), keyCache::clear);
        AccessCache access = new AccessCache(roles, snapshot -> metadata.metadata(snapshot).ids());
        keys = new ApiKeyStore(database.dsl(), keyCache);
        RequestAuthentication authentication = new RequestAuthentication(new Authenticator(keys, clock), registry, access);
        LimitsConfiguration limits = configuration.getLimits();
        RestServices services = new RestServices(database, clock, configuration.getBatchMaxRecords(), limits.filterParser(),
                new RecordCounts());

        BodySizeLimit bodyLimit = new BodySizeLimit(limits.getMaxRequestBody().toBytes());
        RateLimiter rateLimiter = new RateLimiter(database.dsl(), limits.getRateLimit(), limits.getRateLimitWindow().toJavaDuration());
        environment.jersey().register(new RequestBodyLimit(bodyLimit));
        environment.jersey().register(new RateLimitFilter(authentication, rateLimiter));
        environment.jersey().register(CallerParameterProvider.binder(authentication));
        environment.jersey().register(new RestRootResource(services));
        // An exact mapping, so it comes before Jersey's "/*".
        environment.servlets().addServlet("graphql", new GraphqlServlet(authentication, services, bodyLimit, rateLimiter,
                environment.getObjectMapper(), environment.metrics())).addMapping("/graphql");
        environment.jersey().register(new OpenApiResource(authentication));
        environment.jersey().register(new StrictUtf8Body());
        environment.jersey().register(new JsonTreeReader(environment.getObjectMapper()));
        environment.jersey().register(new JsonTreeWriter(environment.getObjectMapper()));
        environment.jersey().register(new ClientHangUps());
        environment.jersey().register(new MetadataResource(authentication, metadata));
        environment.jersey().register(new ApiKeysResource(authentication, keys, roles, clock));
        environment.jersey().register(new RolesResource(authentication, roles, metadata, access));
        environment.jersey().register(new MetadataGraphqlResource(authentication,
                new MetadataGraphql(metadata, configuration.getGraphql(), keys, roles)));
        environment.jersey().register(new InvalidMetadataExceptionMapper());
        MetadataSync metadataSync = new MetadataSync(metadata, registry);
        environment.lifecycle().manage(metadataSync);
        DatabaseNotifications notifications = new DatabaseNotifications(configuration.getDatabase());
        notifications.subscribe(WorkspaceChanges.CHANNEL, metadataSync);
        notifications.subscribe(CoreSchema.KEY_CHANGED_CHANNEL, keyCache);
        environment.lifecycle().manage(notifications);
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new JsonProcessingExceptionMapper());
        environment.jersey().register(new UnexpectedExceptionMapper());
        environment.lifecycle().addEventListener(JsonErrorHandler.installer());
        environment.jersey().register(new RequestMetrics(environment.metrics()));
        ConcurrentRequests.install(environment.getApplicationContext(), limits, environment.metrics());

        environment.lifecycle().manage(new RecordChangeCompaction(database.dsl(), Duration.ofSeconds(1)));

        environment.healthChecks().register("database", new DatabaseHealthCheck(database));
        environment.healthChecks().register("workspaces", new WorkspacesHealthCheck(workspaces.store(), registry));
    }

    public WorkspaceRegistry registry() {
        return registry;
    }

    /** The running server's key store: its writes take effect on this server's next request. */
    public ApiKeyStore keys() {
        return keys;
    }
}
