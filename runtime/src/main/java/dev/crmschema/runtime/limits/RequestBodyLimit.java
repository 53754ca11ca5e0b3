package dev.crmschema.runtime.limits;

import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.errors.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies larger than the configured size with 413 PayloadTooLargeException, before any
 * authentication or SQL: a declared {@code Content-Length} is checked as the request arrives, and a body
 * without one (chunked) is cut off while it is read, so no more than the limit is ever buffered.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestBodyLimit implements ContainerRequestFilter, ReaderInterceptor {
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
        context.setInputStream(new Bounded(context.getInputStream()));
        return context.proceed();
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
