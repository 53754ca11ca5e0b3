package dev.crmschema.runtime.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that closes its connection while its response body is being written (a cancelled download, a proxy
 * that timed out, a load generator stopping) costs one DEBUG line. Left to Jersey, every one of them was an
 * ERROR with some ninety lines of stack trace, which buried real errors under load. Jetty tells a hang-up from
 * other write failures by throwing {@link EofException}; every other failure still reaches Jersey.
 */
public final class ClientHangUps implements WriterInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ClientHangUps.class);

    // Jersey injects proxies to the request being answered.
    @Context
    private Request request;

    @Context
    private UriInfo uri;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } catch (IOException failure) {
            if (!causedByHangUp(failure)) {
                throw failure;
            }
            // Nothing is left to tell the client; Jersey's own close of the stream then fails quietly (FINE).
            LOG.debug("the client closed its connection before the response to {} {} was written: {}", request.getMethod(),
                    uri.getRequestUri().getRawPath(), String.valueOf(failure));
        }
    }

    private static boolean causedByHangUp(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EofException) {
                return true;
            }
        }
        return false;
    }
}
