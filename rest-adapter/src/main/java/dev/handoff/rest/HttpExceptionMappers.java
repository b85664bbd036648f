package dev.handoff.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.handoff.domain.model.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;

/**
 * Mappers for what goes wrong before or around the domain: unreadable JSON, Bean Validation of
 * parameters, oversized bodies, Jersey's own HTTP errors (unknown path, wrong method, wrong
 * content type), and the last resort for anything unforeseen.
 */
final class HttpExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(HttpExceptionMappers.class);

    private HttpExceptionMappers() {
    }

    /**
     * 400 when the body is not one JSON document within our limits (syntax, duplicate keys, nesting,
     * something after the value); any other Jackson failure is a writing bug and goes to the last resort.
     */
    static final class UnreadableJsonMapper implements ExceptionMapper<JsonProcessingException> {

        @Context
        private UriInfo uri;
        @Context
        private Request request;

        @Override
        public Response toResponse(JsonProcessingException failure) {
            boolean unreadable = failure instanceof StreamReadException
                    || failure instanceof MismatchedInputException
                    || failure instanceof StreamConstraintsException;
            return unreadable ? malformed(failure) : unexpected(failure, request.getMethod() + " /" + uri.getPath());
        }
    }

    /** 400, naming the query parameter or header that failed its constraint. */
    static final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException invalid) {
            return Problem.invalidInput(invalid.getConstraintViolations().stream()
                    .map(violation -> new Violation(field(violation), violation.getMessage()))
                    .sorted(Comparator.comparing(Violation::field))
                    .toList());
        }

        private static String field(ConstraintViolation<?> violation) {
            String name = RequestFields.BODY;
            for (Path.Node node : violation.getPropertyPath()) {
                name = node.getName();
            }
            return name;
        }
    }

    /** 413: the request body is over the configured limit. */
    static final class BodyTooLargeMapper implements ExceptionMapper<BodySizeLimit.BodyTooLarge> {
        @Override
        public Response toResponse(BodySizeLimit.BodyTooLarge tooLarge) {
            return Problem.of(ProblemType.TOO_LARGE, tooLarge.getMessage()).response().build();
        }
    }

    /** Jersey's HTTP errors (404 unknown path, 405, 406, 415, ...) as problems. */
    static final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

        @Context
        private UriInfo uri;
        @Context
        private Request request;

        @Override
        public Response toResponse(WebApplicationException failure) {
            Response original = failure.getResponse();
            int status = original.getStatus();
            if (status >= 500) {
                return unexpected(failure, request.getMethod() + " /" + uri.getPath());
            }
            if (status == 400) { // Jersey's own, e.g. a parameter it could not read
                return Problem.invalidInput(List.of(new Violation("request", detail(status, original))));
            }
            Problem problem = ProblemType.forStatus(status)
                    .map(type -> Problem.of(type, detail(status, original)))
                    .orElseGet(() -> new Problem("about:blank", original.getStatusInfo().getReasonPhrase(), status,
                            failure.getMessage(), null));
            Response.ResponseBuilder response = problem.response();
            if (status == 405) {
                response.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
            }
            return response.build();
        }

        private String detail(int status, Response original) {
            String target = request.getMethod() + " /" + uri.getPath();
            return switch (status) {
                case 404 -> "nothing at /" + uri.getPath();
                case 405 -> target + " is not allowed; allowed: " + original.getHeaderString(HttpHeaders.ALLOW);
                case 406 -> "this API answers in " + MediaType.APPLICATION_JSON + " and " + Problem.MEDIA_TYPE;
                case 415 -> "send the request body as " + MediaType.APPLICATION_JSON;
                default -> original.getStatusInfo().getReasonPhrase() + ": " + target;
            };
        }
    }

    /** 500 for anything unforeseen: logged with its stack trace here, never sent to the client. */
    static final class LastResortMapper implements ExceptionMapper<Throwable> {

        @Context
        private UriInfo uri;
        @Context
        private Request request;

        @Override
        public Response toResponse(Throwable failure) {
            return unexpected(failure, request.getMethod() + " /" + uri.getPath());
        }
    }

    private static Response unexpected(Throwable failure, String target) {
        LOG.error("unexpected failure answering {}", target, failure);
        return Problem.of(ProblemType.INTERNAL_ERROR, "the server failed unexpectedly; the failure is logged")
                .response().build();
    }

    private static Response malformed(JsonProcessingException failure) {
        JsonLocation where = failure.getLocation();
        String at = where == null || where.getLineNr() < 1 ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return Problem.invalidInput(List.of(new Violation(RequestFields.BODY,
                "is not valid JSON" + at + ": " + firstLine(failure.getOriginalMessage()))));
    }

    /** Jackson's message without what only a Java developer could use (sources, types, feature names). */
    private static String firstLine(String message) {
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        for (String internals : List.of(" (start marker", " (bound as", ", from `", ": not allowed as per")) {
            int at = line.indexOf(internals);
            if (at > 0) {
                line = line.substring(0, at);
            }
        }
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
