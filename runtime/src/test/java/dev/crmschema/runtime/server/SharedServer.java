package dev.crmschema.runtime.server;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class that asks for a {@link TestServer} (as a {@code @BeforeAll} parameter) the same
 * one: started on first use and closed when the whole test run ends, so the end-to-end classes pay for
 * PostgreSQL, workspace creation and class compilation once. Tests sharing it keep to records they made
 * themselves (unique names, filters on those names), so they do not depend on each other.
 */
public final class SharedServer implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store closes its AutoCloseable values once every test has run.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(TestServer.class, key -> new TestServer(), TestServer.class);
    }
}
