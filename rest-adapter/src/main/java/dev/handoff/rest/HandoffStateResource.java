package dev.handoff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.port.in.HandoffStateLookup;
import dev.handoff.domain.service.HandoffApplication;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.Optional;

/**
 * The seed's handoff-state API: the live agent's desktop reads what the agent stored for a
 * conversation; the agent writes it. {@link ApiKeyFilter} has already checked that the key
 * belongs to the account and project of the path.
 */
@Path("/v1/{account_id}/{project_id}/handoff_state")
@Produces(MediaType.APPLICATION_JSON)
final class HandoffStateResource {

    private static final String ID_SIZE = "must be 1 to " + Limits.IDENTIFIER_MAX + " characters";

    private final HandoffApplication application;

    HandoffStateResource(HandoffApplication application) {
        this.application = application;
    }

    @GET
    @RequiresScope(Scope.STATE_READ)
    public HandoffStateJson read(
            @Context ContainerRequestContext request,
            @QueryParam("id") @Size(min = 1, max = Limits.IDENTIFIER_MAX, message = ID_SIZE) String id,
            @QueryParam("shared_id") @Size(min = 1, max = Limits.IDENTIFIER_MAX, message = ID_SIZE) String sharedId) {
        HandoffState state = application.readHandoffState().read(ApiKeyFilter.tenantOf(request),
                new HandoffStateLookup(Optional.ofNullable(id), Optional.ofNullable(sharedId)));
        return HandoffStateJson.of(state);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.STATE_WRITE)
    public Response record(
            @Context ContainerRequestContext request,
            @PathParam("account_id") String accountId,
            @PathParam("project_id") String projectId,
            JsonNode body) {
        HandoffState state = application.recordHandoffState()
                .record(HandoffStateRequest.read(body, ApiKeyFilter.tenantOf(request)));
        return Response.created(UriBuilder.fromResource(HandoffStateResource.class)
                        .queryParam("id", "{id}")
                        .build(accountId, projectId, state.conversationId()))
                .entity(HandoffStateJson.of(state))
                .build();
    }
}
