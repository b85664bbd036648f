package dev.handoff.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the configured size (413): at once when {@code Content-Length}
 * announces one, and while reading when the body comes chunked, so that no client can make the
 * server buffer or parse more than the limit.
 */
final class BodySizeLimit implements ReaderInterceptor {

    private final long maxBytes;

    BodySizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (announcesMoreThanLimit(context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH))) {
            throw new BodyTooLarge(maxBytes);
        }
        context.setInputStream(new Limited(context.getInputStream()));
        return context.proceed();
    }

    private boolean announcesMoreThanLimit(String contentLength) {
        if (contentLength == null || !contentLength.strip().matches("[0-9]+")) {
            return false;
        }
        String digits = contentLength.strip();
        return digits.length() > 18 || Long.parseLong(digits) > maxBytes;
    }

    /** A request body over the limit. */
    static final class BodyTooLarge extends RuntimeException {

        BodyTooLarge(long maxBytes) {
            super("the request body is larger than the limit of " + maxBytes + " bytes", null, false, false);
        }
    }

    /** Counts the bytes read and stops as soon as they pass the limit. */
    private final class Limited extends FilterInputStream {

        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
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
                throw new BodyTooLarge(maxBytes);
            }
        }
    }
}
