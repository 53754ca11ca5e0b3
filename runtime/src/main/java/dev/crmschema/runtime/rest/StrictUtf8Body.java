package dev.crmschema.runtime.rest;

import dev.crmschema.runtime.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body that is not well-formed UTF-8 (RFC 3629), as JSON must be (RFC 8259), with
 * 400 while it is read. Jackson alone decodes some malformed forms: an overlong {@code C0 AF} becomes
 * {@code /} and an encoded surrogate becomes a lone {@code char}, which the database driver then stores
 * as {@code ?}. Checked here, a body means the same thing to every layer.
 */
@Priority(Priorities.ENTITY_CODER)
public final class StrictUtf8Body implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(checked(context.getInputStream()));
        return context.proceed();
    }

    /** {@code body}, refusing with 400 the first byte that breaks UTF-8 (for bodies read outside Jersey). */
    public static InputStream checked(InputStream body) {
        return new Checked(body);
    }

    /** Validates the bytes that pass through, one UTF-8 sequence at a time. */
    private static final class Checked extends FilterInputStream {
        private long offset;
        private int continuations;
        private int lower = 0x80;
        private int upper = 0xBF;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                atEnd();
            } else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int length) throws IOException {
            int n = super.read(buffer, off, length);
            if (n < 0) {
                atEnd();
            }
            for (int i = 0; i < n; i++) {
                check(buffer[off + i] & 0xFF);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes could not be checked, so nothing is skipped
            return 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** The well-formed sequences of RFC 3629, table in section 4: no overlong forms, no surrogates. */
        private void check(int b) {
            if (continuations == 0) {
                if (b >= 0xC2 && b <= 0xDF) {
                    continuations = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    continuations = 2;
                    lower = b == 0xE0 ? 0xA0 : 0x80;
                    upper = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    continuations = 3;
                    lower = b == 0xF0 ? 0x90 : 0x80;
                    upper = b == 0xF4 ? 0x8F : 0xBF;
                } else if (b > 0x7F) {
                    throw malformed();
                }
            } else {
                if (b < lower || b > upper) {
                    throw malformed();
                }
                lower = 0x80;
                upper = 0xBF;
                continuations--;
            }
            offset++;
        }

        private void atEnd() {
            if (continuations > 0) {
                throw malformed();
            }
        }

        private ApiException malformed() {
            return ApiException.badRequest("The request body is not valid UTF-8 (at byte " + offset + ")");
        }
    }
}
