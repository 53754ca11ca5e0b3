package dev.crmschema.runtime.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The refusals Jetty and the servlet layer answer before Jersey sees a request (a malformed URI or
 * percent escape, a request line or headers too long, a method Dropwizard does not allow, a missing
 * static file) in the contract's error body, instead of Jetty's HTML page or an empty body. Whatever
 * the {@code Accept} header says, the body is JSON, like every other error of the API.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Installs the handler on the server and its contexts as it starts, in place of Dropwizard's. */
    public static LifeCycle.Listener installer() {
        return new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    JsonErrorHandler handler = new JsonErrorHandler();
                    server.setErrorHandler(handler);
                    // Servlet contexts have error handlers of their own (a missing static file is answered there).
                    server.getDescendants(ContextHandler.class).forEach(context -> context.setErrorHandler(handler));
                }
            }
        };
    }

    /** Every method gets a body, not only GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, cause instanceof HttpException http ? http.getReason() : null)), callback);
    }

    /**
     * Jetty's reasons for malformed requests are fixed texts ("Bad UTF-8 encoding"), safe to show on a
     * 400; every other status gets the API's own message.
     */
    private static byte[] body(int status, String reason) {
        ErrorBody body = status == 400 && reason != null && !reason.isBlank()
                ? new ErrorBody(400, ErrorBody.errorNameFor(400), List.of(reason), null)
                : ErrorBody.forStatus(status);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always serialisable", e);
        }
    }
}
