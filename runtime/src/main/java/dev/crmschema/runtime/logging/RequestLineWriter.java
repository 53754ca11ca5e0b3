package dev.crmschema.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/** Gives each line Jetty's request log formats to the request log's appenders, as an {@code http.request} event. */
final class RequestLineWriter extends AbstractLifeCycle implements RequestLog.Writer {
    private static final String LOGGER = "http.request";

    private final AppenderAttachableImpl<ILoggingEvent> appenders;
    private final LoggerContext context;

    RequestLineWriter(AppenderAttachableImpl<ILoggingEvent> appenders, LoggerContext context) {
        this.appenders = appenders;
        this.context = context;
    }

    @Override
    public void write(String line) {
        LoggingEvent event = new LoggingEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName(LOGGER);
        event.setMessage(line);
        event.setTimeStamp(System.currentTimeMillis());
        event.setLoggerContext(context);
        appenders.appendLoopOnAppenders(event);
    }

    /** Stopping the appenders writes out what they still hold. */
    @Override
    protected void doStop() throws Exception {
        appenders.detachAndStopAllAppenders();
        super.doStop();
    }
}
