package dev.handoff.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.model.Violation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An RFC 9457 problem detail, the body of every error response. {@code errors} names each
 * offending field: always present for invalid input (400), absent when no field is to blame.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    static final MediaType MEDIA_TYPE = MediaType.valueOf("application/problem+json");

    /** One offending field and what to change about it. */
    record FieldError(String field, String message) {
    }

    static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, null);
    }

    static Problem of(ProblemType type, List<Violation> violations) {
        List<FieldError> errors = violations.stream()
                .map(violation -> new FieldError(violation.field(), violation.message()))
                .toList();
        String detail = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, errors);
    }

    static Response invalidInput(List<Violation> violations) {
        return of(ProblemType.INVALID_INPUT, violations).response().build();
    }

    Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
