package dev.handoff.rest;

import dev.handoff.domain.model.Violation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Gives a problem body to error responses that Jersey answers by itself without one: a request
 * header it cannot parse (e.g. {@code Content-Type: json}) becomes a bare 400 before any mapper
 * runs. Every other error already carries its problem.
 */
final class ProblemForBareErrors implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        Problem problem = response.getStatus() == 400
                ? Problem.of(ProblemType.INVALID_INPUT, List.of(new Violation("headers",
                        "a request header could not be parsed, e.g. Content-Type or Accept")))
                : ProblemType.forStatus(response.getStatus())
                        .map(type -> Problem.of(type, response.getStatusInfo().getReasonPhrase()))
                        .orElseGet(() -> new Problem("about:blank", response.getStatusInfo().getReasonPhrase(),
                                response.getStatus(), response.getStatusInfo().getReasonPhrase(), null));
        response.setEntity(problem, new Annotation[0], Problem.MEDIA_TYPE);
    }
}
