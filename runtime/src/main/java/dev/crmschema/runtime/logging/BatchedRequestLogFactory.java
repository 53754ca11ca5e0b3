package dev.crmschema.runtime.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.filter.NullLevelFilterFactory;
import io.dropwizard.request.logging.old.ClassicLogFormat;
import io.dropwizard.request.logging.old.LogbackClassicRequestLogFactory;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.slf4j.LoggerFactory;

/**
 * {@code requestLog: {type: batched}}: the lines and settings of Dropwizard's {@code classic} request log
 * (Jetty's {@code CustomRequestLog}, the same {@code appenders} and {@code timeZone}), with each appender's
 * background thread writing lines in batches ({@link BatchingAppender}) instead of waking for every request.
 */
@JsonTypeName("batched")
public final class BatchedRequestLogFactory extends LogbackClassicRequestLogFactory {
    @Override
    public RequestLog build(String name) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
        for (AppenderFactory<ILoggingEvent> appender : getAppenders()) {
            appenders.addAppender(appender.build(context, name, (loggerContext, timeZone) -> layout(loggerContext),
                    new NullLevelFilterFactory<>(), BatchingAppender::new));
        }
        return new CustomRequestLog(new RequestLineWriter(appenders, context), ClassicLogFormat.pattern(getTimeZone()));
    }

    private static RequestLineLayout layout(LoggerContext context) {
        RequestLineLayout layout = new RequestLineLayout();
        layout.setContext(context);
        return layout;
    }
}
