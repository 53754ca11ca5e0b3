package dev.crmschema.runtime.docs;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * The docs page at {@code /docs/}: our page plus Swagger UI, both served from the jar (a Maven Central
 * webjar, no CDN).
 */
public final class DocsBundle implements ConfiguredBundle<Object> {
    /** Must match the swagger-ui webjar version in the parent pom. */
    static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.34.1/";

    @Override
    public void initialize(Bootstrap<?> bootstrap) {
        bootstrap.addBundle(new AssetsBundle(SWAGGER_UI, "/docs/swagger-ui/", null, "swagger-ui"));
        bootstrap.addBundle(new AssetsBundle("/dev/crmschema/runtime/docs/", "/docs/", "index.html", "docs"));
    }

    @Override
    public void run(Object configuration, Environment environment) {
        environment.servlets().addFilter("docs-missing-asset", new MissingAssetFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/docs/*");
    }
}
