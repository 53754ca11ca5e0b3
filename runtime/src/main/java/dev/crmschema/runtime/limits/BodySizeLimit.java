package dev.crmschema.runtime.limits;

import dev.crmschema.runtime.errors.ApiException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The largest request body the server reads: checked against a declared {@code Content-Length} as a
 * request arrives, and counted while a body without one (chunked) is read, so no more than the limit is
 * ever buffered. Beyond it a request gets 413 PayloadTooLargeException.
 */
public final class BodySizeLimit {
    private final long maxBytes;

    public BodySizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether a {@code Content-Length} header's value declares more than the limit. */
    public boolean exceeds(String declared) {
        String digits = declared.trim();
        // Longer than any long: certainly too large. Not a number: Jetty has already refused it.
        if (digits.length() > 18) {
            return digits.chars().allMatch(Character::isDigit);
        }
        try {
            return Long.parseLong(digits) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code body}, refusing with {@link #tooLarge()} the byte read past the limit. */
    public InputStream bounded(InputStream body) {
        return new Bounded(body);
    }

    public ApiException tooLarge() {
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
