package dev.handoff.rest;

import jakarta.ws.rs.core.Response.Status;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of problem the API reports, each with a stable {@code type} URI that clients may
 * switch on (RFC 9457). The URIs identify; they need not resolve.
 */
enum ProblemType {
    INVALID_INPUT("invalid-input", Status.BAD_REQUEST, "Invalid input"),
    UNAUTHENTICATED("unauthenticated", Status.UNAUTHORIZED, "Missing or unknown API key"),
    FORBIDDEN("forbidden", Status.FORBIDDEN, "API key not allowed here"),
    NOT_FOUND("not-found", Status.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", Status.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", Status.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", Status.CONFLICT, "Conflict with the handoff's state"),
    STALE_VERSION("stale-version", Status.PRECONDITION_FAILED, "Stale version"),
    TOO_LARGE("too-large", Status.REQUEST_ENTITY_TOO_LARGE, "Too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
    UNAVAILABLE("unavailable", Status.SERVICE_UNAVAILABLE, "Service unavailable"),
    INTERNAL_ERROR("internal-error", Status.INTERNAL_SERVER_ERROR, "Internal error");

    static final String BASE = "https://handoff.dev/problems/";

    private final URI uri;
    private final int status;
    private final String title;

    ProblemType(String name, Status status, String title) {
        this(name, status.getStatusCode(), title);
    }

    ProblemType(String name, int status, String title) {
        this.uri = URI.create(BASE + name);
        this.status = status;
        this.title = title;
    }

    URI uri() {
        return uri;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    static Optional<ProblemType> forStatus(int status) {
        return Arrays.stream(values()).filter(type -> type.status == status).findFirst();
    }
}
