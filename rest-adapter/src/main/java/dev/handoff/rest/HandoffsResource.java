package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.CreateHandoff.Created;
import dev.handoff.domain.port.in.MoveHandoffCommand;
import dev.handoff.domain.service.HandoffApplication;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The seed's Handoffs API, always inside the caller's tenant. A handoff's version travels as its
 * {@code ETag}; {@code If-Match} on PATCH and {@code Idempotency-Key} on POST make retries safe.
 */
@Path("/api/handoffs")
@Produces(MediaType.APPLICATION_JSON)
final class HandoffsResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    /** {@code *} (any version) or one strong ETag as this API issues them, e.g. {@code "3"}. */
    static final String IF_MATCH = "\\*|\"[0-9]{1,18}\"";

    private final HandoffApplication application;

    HandoffsResource(HandoffApplication application) {
        this.application = application;
    }

    @GET
    @RequiresScope(Scope.HANDOFFS_READ)
    public List<HandoffJson> list(
            @Context ContainerRequestContext request,
            @QueryParam("status") String status,
            @QueryParam("profileId")
            @Size(min = 1, max = Limits.IDENTIFIER_MAX, message = "must be 1 to " + Limits.IDENTIFIER_MAX + " characters")
            String profileId) {
        HandoffFilter filter = new HandoffFilter(
                Optional.ofNullable(status).map(wire -> HandoffStatus.fromWire(wire, "status")),
                Optional.ofNullable(profileId));
        return application.findHandoffs().list(tenant(request), filter).stream().map(HandoffJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.HANDOFFS_WRITE)
    public Response create(
            @Context ContainerRequestContext request,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            JsonNode body) {
        Created created = application.createHandoff()
                .create(CreateHandoffRequest.read(body, tenant(request), idempotencyKey));
        Handoff handoff = created.handoff();
        Response.ResponseBuilder response = Response
                .created(UriBuilder.fromResource(HandoffsResource.class).path(handoff.id().toString()).build())
                .tag(etag(handoff))
                .entity(HandoffJson.of(handoff));
        if (created.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @RequiresScope(Scope.HANDOFFS_READ)
    public Response get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Handoff handoff = application.findHandoffs().get(tenant(request), HandoffId.parse(id, "id"));
        return Response.ok(HandoffJson.of(handoff)).tag(etag(handoff)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.HANDOFFS_WRITE)
    public Response move(
            @Context ContainerRequestContext request,
            @PathParam("id") String id,
            @HeaderParam("If-Match")
            @Pattern(regexp = IF_MATCH, message = "must be * or the handoff's ETag, such as \"3\"")
            String ifMatch,
            JsonNode body) {
        HandoffId handoffId = HandoffId.parse(id, "id");
        Handoff handoff = application.moveHandoff().move(new MoveHandoffCommand(
                tenant(request), handoffId, MoveHandoffRequest.read(body), expectedVersion(ifMatch)));
        return Response.ok(HandoffJson.of(handoff)).tag(etag(handoff)).build();
    }

    private static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.equals("*")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(ifMatch.substring(1, ifMatch.length() - 1)));
    }

    private static EntityTag etag(Handoff handoff) {
        return new EntityTag(Long.toString(handoff.version()));
    }

    private static Tenant tenant(ContainerRequestContext request) {
        return ApiKeyFilter.tenantOf(request);
    }
}
