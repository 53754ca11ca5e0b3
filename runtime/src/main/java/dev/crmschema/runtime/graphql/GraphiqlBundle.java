package dev.crmschema.runtime.graphql;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The GraphiQL playground at {@code /graphiql/} (and {@code GET /graphql}): our page plus GraphiQL and
 * React, all served from the jar (Maven Central webjars, no CDN). React 18 is the last version with the
 * UMD builds GraphiQL's bundle loads.
 */
public final class GraphiqlBundle implements ConfiguredBundle<Object> {
    /** Must match the webjar versions in the parent pom. */
    static final String GRAPHIQL = "/META-INF/resources/webjars/graphiql/2.4.7/";
    static final String REACT = "/META-INF/resources/webjars/react/18.3.1/umd/";
    static final String REACT_DOM = "/META-INF/resources/webjars/react-dom/18.3.1/umd/";
    private static final String PAGE = "/dev/crmschema/runtime/graphiql/";

    @Override
    public void initialize(Bootstrap<?> bootstrap) {
        bootstrap.addBundle(new AssetsBundle(GRAPHIQL, "/graphiql/vendor/graphiql/", null, "graphiql-vendor"));
        bootstrap.addBundle(new AssetsBundle(REACT, "/graphiql/vendor/react/", null, "react-vendor"));
        bootstrap.addBundle(new AssetsBundle(REACT_DOM, "/graphiql/vendor/react-dom/", null, "react-dom-vendor"));
        bootstrap.addBundle(new AssetsBundle(PAGE, "/graphiql/", "index.html", "graphiql"));
    }

    /** The page's HTML, for {@code GET /graphql}; its assets use absolute paths so it works at either URL. */
    static String page() {
        try (InputStream in = GraphiqlBundle.class.getResourceAsStream(PAGE + "index.html")) {
            if (in == null) {
                throw new IllegalStateException("the GraphiQL page is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
