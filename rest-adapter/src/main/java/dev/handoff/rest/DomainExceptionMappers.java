package dev.handoff.rest;

import dev.handoff.domain.model.Conflict;
import dev.handoff.domain.model.IdempotencyKeyReused;
import dev.handoff.domain.model.InvalidInput;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.StaleVersion;
import dev.handoff.domain.model.TooLarge;
import dev.handoff.domain.model.Violation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.List;

/**
 * One mapper per kind of domain refusal, each to its problem type and status; the domain's
 * messages are written for clients and become the problem's {@code detail}.
 */
final class DomainExceptionMappers {

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
}
