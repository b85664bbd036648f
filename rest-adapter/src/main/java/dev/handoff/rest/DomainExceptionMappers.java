package dev.handoff.rest;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.IdempotencyKeyReused;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.StaleVersion;
import dev.handoff.domain.model.TooLarge;
import dev.handoff.domain.model.Unavailable;
import dev.handoff.domain.model.Violation;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One mapper per kind of domain refusal, each to its problem type and status; the domain's
 * messages are written for clients and become the problem's {@code detail}.
 */
final class DomainExceptionMappers {

    /**
     * How long a client should wait before it tries again after a 503. A database restart or
     * failover takes seconds; a few seconds spread the retries without keeping clients away long.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DomainExceptionMappers() {
    }

    /** 400, naming every offending field. */
    static final class InvalidInputMapper implements ExceptionMapper<InvalidInput> {
        @Override
        public Response toResponse(InvalidInput invalid) {
            return Problem.invalidInput(invalid.violations());
        }
    }

    /** 404, also for another tenant's ids, so that existence does not leak. */
    static final class NotFoundMapper implements ExceptionMapper<NotFound> {
        @Override
        public Response toResponse(NotFound notFound) {
            return Problem.of(ProblemType.NOT_FOUND, notFound.getMessage()).response().build();
        }
    }

    /** 409: an illegal transition, or a request that lost a race. */
    static final class ConflictMapper implements ExceptionMapper<Conflict> {
        @Override
        public Response toResponse(Conflict conflict) {
            return Problem.of(ProblemType.CONFLICT, conflict.getMessage()).response().build();
        }
    }

    /** 412: the {@code If-Match} version is no longer current. */
    static final class StaleVersionMapper implements ExceptionMapper<StaleVersion> {
        @Override
        public Response toResponse(StaleVersion stale) {
            return Problem.of(ProblemType.STALE_VERSION, stale.getMessage()).response().build();
        }
    }

    /** 413, naming the field over its limit. */
    static final class TooLargeMapper implements ExceptionMapper<TooLarge> {
        @Override
        public Response toResponse(TooLarge tooLarge) {
            return Problem.of(ProblemType.TOO_LARGE, List.of(new Violation(tooLarge.field(), tooLarge.requirement())))
                    .response().build();
        }
    }

    /** 422: the same {@code Idempotency-Key} came with another request. */
    static final class IdempotencyKeyReusedMapper implements ExceptionMapper<IdempotencyKeyReused> {
        @Override
        public Response toResponse(IdempotencyKeyReused reused) {
            return Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, reused.getMessage()).response().build();
        }
    }

    /**
     * 503 with {@code Retry-After}: the database cannot be reached. An outage refuses every request
     * alike, so the log gets one line per {@link #RETRY_AFTER} at most: how many were refused, and
     * the failure behind the latest.
     */
    static final class UnavailableMapper implements ExceptionMapper<Unavailable> {

        private static final Logger LOG = LoggerFactory.getLogger(UnavailableMapper.class);

        private final AtomicLong refusedSinceLogged = new AtomicLong();
        private final AtomicLong nextLogAt = new AtomicLong(System.nanoTime());

        @Context
        private UriInfo uri;
        @Context
        private Request request;

        @Override
        public Response toResponse(Unavailable unavailable) {
            refusedSinceLogged.incrementAndGet();
            long now = System.nanoTime();
            long due = nextLogAt.get();
            if (now - due >= 0 && nextLogAt.compareAndSet(due, now + RETRY_AFTER.toNanos())) {
                LOG.warn("{} request(s) refused with 503 since the last report; the latest, {} /{}: {}",
                        refusedSinceLogged.getAndSet(0), request.getMethod(), uri.getPath(), rootCause(unavailable));
            }
            return Problem.of(ProblemType.UNAVAILABLE, unavailable.getMessage()).response()
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER.toSeconds())
                    .build();
        }

        private static String rootCause(Throwable failure) {
            Throwable root = failure;
            for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
                root = root.getCause();
            }
            return root == failure ? failure.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
