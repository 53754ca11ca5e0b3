package dev.crmschema.runtime.limits;

import dev.crmschema.runtime.errors.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@link BodySizeLimit} for Jersey's endpoints: a request whose declared {@code Content-Length} is too
 * large is refused before any authentication or SQL, and a body is bounded while an endpoint reads it.
 *
 * <p>A body no endpoint read (a request refused before that: a bad key, an unknown object) is read to its
 * end before the answer goes out. Left on the connection, it makes Jetty close the connection after
 * answering, and a client that already sent its next request on it sees that request fail.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestBodyLimit implements ContainerRequestFilter, ContainerResponseFilter, ReaderInterceptor {
    /** Request property set once an endpoint has read the body. */
    private static final String BODY_READ = RequestBodyLimit.class.getName() + ".bodyRead";
    private final BodySizeLimit limit;

    public RequestBodyLimit(BodySizeLimit limit) {
        this.limit = limit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString("Content-Length");
        if (declared != null && limit.exceeds(declared)) {
            // The unread body stays on the connection, so Jetty closes it after answering: say so, or a
            // client reusing the connection for its next request finds it closed.
            request.abortWith(Response.status(413).type(MediaType.APPLICATION_JSON_TYPE).header("Connection", "close")
                    .entity(ErrorBody.of(limit.tooLarge())).build());
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setProperty(BODY_READ, Boolean.TRUE);
        context.setInputStream(limit.bounded(context.getInputStream()));
        return context.proceed();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(BODY_READ) != null || response.getHeaders().containsKey("Connection") || !declaresBody(request)) {
            return;
        }
        try {
            if (request.hasEntity()) {
                limit.bounded(request.getEntityStream()).transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException | RuntimeException e) {
            // Too large, or the client went away: the connection cannot be reused, so say so.
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    /**
     * Whether an HTTP/1.1 request has a body at all: only with a non-zero {@code Content-Length} or a
     * {@code Transfer-Encoding} (RFC 9112, section 6.3). Asked first because Jersey's own check tries a read.
     */
    private static boolean declaresBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        return (length != null && !length.trim().equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }
}
