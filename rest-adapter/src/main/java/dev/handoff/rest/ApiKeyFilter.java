package dev.handoff.rest;

import dev.handoff.domain.model.ApiKey;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.AuthenticateApiKey;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.Set;

/**
 * Lets a request through only with an {@code x-api-key} that is active (else 401), of this
 * server's region, of the tenant the path names if it names one, and carrying the scope the
 * resource method requires (else 403). The caller's tenant is then left on the request for the
 * resources. {@code /health} and {@code /openapi.json} are open to anyone.
 */
@Priority(Priorities.AUTHENTICATION)
final class ApiKeyFilter implements ContainerRequestFilter {

    static final String HEADER = "x-api-key";
    static final Set<String> PUBLIC_PATHS = Set.of("health", "openapi.json");
    private static final String TENANT = ApiKeyFilter.class.getName() + ".tenant";

    private final AuthenticateApiKey keys;
    private final String region;

    @Context
    private ResourceInfo resource;

    ApiKeyFilter(AuthenticateApiKey keys, String region) {
        this.keys = keys;
        this.region = region;
    }

    /** The tenant of the key that passed this filter. */
    static Tenant tenantOf(ContainerRequestContext request) {
        return (Tenant) request.getProperty(TENANT);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (PUBLIC_PATHS.contains(trimSlashes(request.getUriInfo().getPath()))) {
            return;
        }
        String token = request.getHeaderString(HEADER);
        if (token == null || token.isBlank()) {
            request.abortWith(unauthenticated("send an API key in the " + HEADER + " header"));
            return;
        }
        Optional<ApiKey> found = keys.authenticate(token.strip());
        if (found.isEmpty()) {
            request.abortWith(unauthenticated("the " + HEADER + " is unknown or revoked"));
            return;
        }
        ApiKey key = found.get();
        Optional<String> refusal = refusal(key, request.getUriInfo().getPathParameters());
        if (refusal.isPresent()) {
            request.abortWith(Problem.of(ProblemType.FORBIDDEN, refusal.get()).response().build());
            return;
        }
        request.setProperty(TENANT, key.tenant());
    }

    /** Why this key may not make this request, if it may not. */
    private Optional<String> refusal(ApiKey key, MultivaluedMap<String, String> pathParameters) {
        if (!key.region().equals(region)) {
            return Optional.of("the API key is for region " + key.region() + ", this server serves " + region);
        }
        String account = pathParameters.getFirst("account_id");
        String project = pathParameters.getFirst("project_id");
        boolean namesTenant = account != null || project != null;
        if (namesTenant && !(key.tenant().accountId().equals(account) && key.tenant().projectId().equals(project))) {
            return Optional.of("the API key is not for this account and project");
        }
        RequiresScope required = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RequiresScope.class);
        if (required != null && !key.allows(required.value())) {
            return Optional.of("the API key lacks the scope " + required.value().wireName());
        }
        return Optional.empty();
    }

    private static Response unauthenticated(String detail) {
        return Problem.of(ProblemType.UNAUTHENTICATED, detail).response()
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"")
                .build();
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
