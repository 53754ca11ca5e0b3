package dev.crmschema.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.pattern.PatternLayoutBase;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A request log line as Jetty's {@code CustomRequestLog} formatted it, with nothing added. A pattern layout
 * with no conversion words, because that is the type Dropwizard's appender factories take.
 */
final class RequestLineLayout extends PatternLayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
        return event.getFormattedMessage() + CoreConstants.LINE_SEPARATOR;
    }

    @Override
    protected Map<String, Supplier<DynamicConverter>> getDefaultConverterSupplierMap() {
        return Map.of();
    }

    @Override
    @Deprecated
    public Map<String, String> getDefaultConverterMap() {
        return Map.of();
    }
}
