package dev.crmschema.runtime.limits;

import dev.crmschema.runtime.errors.ApiException;
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
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Refuses request bodies larger than the configured size with 413 PayloadTooLargeException, before any
 * authentication or SQL: a declared {@code Content-Length} is checked as the request arrives, and a body
 * without one (chunked) is cut off while it is read, so no more than the limit is ever buffered.
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
    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString("Content-Length");
        if (declared != null && exceeds(declared.trim())) {
            // The unread body stays on the connection, so Jetty closes it after answering: say so, or a
            // client reusing the connection for its next request finds it closed.
            request.abortWith(Response.status(413).type(MediaType.APPLICATION_JSON_TYPE).header("Connection", "close")
                    .entity(ErrorBody.of(tooLarge())).build());
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setProperty(BODY_READ, Boolean.TRUE);
        context.setInputStream(new Bounded(context.getInputStream()));
        return context.proceed();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(BODY_READ) != null || response.getHeaders().containsKey("Connection")) {
            return;
        }
        try {
            if (request.hasEntity()) {
                new Bounded(request.getEntityStream()).transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException | RuntimeException e) {
            // Too large, or the client went away: the connection cannot be reused, so say so.
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private boolean exceeds(String declared) {
        // Longer than any long: certainly too large. Not a number: Jetty has already refused it.
        if (declared.length() > 18) {
            return declared.chars().allMatch(Character::isDigit);
        }
        try {
            return Long.parseLong(declared) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "PayloadTooLargeException",
                "Request body is larger than the limit of " + maxBytes + " bytes", null);
    }

    /** Counts what is read and refuses the byte past the limit. */
    private final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            // a reset would un-read bytes this stream has already counted
            return false;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
