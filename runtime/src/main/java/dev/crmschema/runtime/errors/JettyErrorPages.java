package dev.crmschema.runtime.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before any resource runs (a URI too long, an ambiguous path, a malformed
 * header, a method the server does not allow) get the contract's JSON error body too, instead of
 * Jetty's HTML page, for every method and whatever the client accepts. The message is Jetty's reason,
 * never an exception's text.
 */
public final class JettyErrorPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyErrorPages() {}

    /** Installs the JSON pages on the server (malformed requests) and on the application's servlet context. */
    public static void install(Environment environment) {
        environment.getApplicationContext().setErrorHandler(new ForServlets());
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new ForServer()));
    }

    static String body(int code, String message, Throwable cause) {
        // Jetty falls back to cause.toString() for the message, which names classes: use the status text then.
        String shown = message == null || (cause != null && message.equals(cause.toString())) ? HttpStatus.getMessage(code) : message;
        try {
            return JSON.writeValueAsString(new ErrorBody(code, ErrorBody.errorNameFor(code), List.of(shown), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always writable", e);
        }
    }

    /** For requests refused while Jetty parses them. */
    static final class ForServer extends ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
            return super.generateAcceptableResponse(request, response, callback, "application/json",
                    List.of(StandardCharsets.UTF_8), code, message, cause);
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(body(code, message, cause));
        }
    }

    /** For requests refused inside the servlet context (path checks, servlet filters). */
    static final class ForServlets extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
            return super.generateAcceptableResponse(request, response, callback, "application/json",
                    List.of(StandardCharsets.UTF_8), code, message, cause);
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(body(code, message, cause));
        }
    }
}
