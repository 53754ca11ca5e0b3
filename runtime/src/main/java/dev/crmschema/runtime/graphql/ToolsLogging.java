package dev.crmschema.runtime.graphql;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * graphql-java-tools logs a few hundred harmless warnings per schema it builds (see
 * {@code GraphqlSchemaFactory}); this sets its loggers to ERROR unless the logging configuration
 * already chose a level for them.
 */
final class ToolsLogging {
    private static final String TOOLS = "graphql.kickstart.tools";

    private ToolsLogging() {}

    static void quiet() {
        if (LoggerFactory.getLogger(TOOLS) instanceof Logger logger && logger.getLevel() == null) {
            logger.setLevel(Level.ERROR);
        }
    }
}
