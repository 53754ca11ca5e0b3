package dev.crmschema.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.eclipse.jetty.io.EofException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps clients that hang up out of the error log. Jersey logs every response body it fails to write as an
 * error with a stack trace of some ninety lines; when the failure is Jetty's {@link EofException} the client
 * closed its connection first (a cancelled download, a proxy or load generator giving up), and there is
 * nothing for an operator to mend. A burst of them would bury the errors that matter, so they are logged at
 * DEBUG, in one line, instead. Any other failure to write a response is still an error.
 */
public final class ClientHangUps extends TurboFilter {
    /** The logger Jersey reports failed response writes under. */
    static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ClientHangUps.class);

    /**
     * Adds the filter to the logging context, once: Dropwizard resets the context when it configures logging,
     * which drops it, and several servers may start in one JVM (the tests).
     */
    public static void install() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (context.getTurboFilterList().stream().noneMatch(ClientHangUps.class::isInstance)) {
            ClientHangUps filter = new ClientHangUps();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
        // Called for every logging call and level check: the cheap test comes first.
        if (thrown == null || !JERSEY_RESPONDER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        EofException hangUp = hangUp(thrown);
        if (hangUp == null) {
            return FilterReply.NEUTRAL;
        }
        LOG.debug("the client closed its connection before its response was written ({})", hangUp.getMessage());
        return FilterReply.DENY;
    }

    private static EofException hangUp(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof EofException eof) {
                return eof;
            }
        }
        return null;
    }
}
