package dev.handoff.server;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per request — method, path, status, duration — and nothing else: no keys, no bodies. */
@PreMatching
@Priority(Integer.MIN_VALUE)
final class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.handoff.requests");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long micros = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000 : -1;
        LOG.info("{} /{} {} {}.{} ms", request.getMethod(), request.getUriInfo().getPath(),
                response.getStatus(), micros / 1_000, String.format("%03d", micros % 1_000));
    }
}
