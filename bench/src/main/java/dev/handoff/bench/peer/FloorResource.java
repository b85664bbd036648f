package dev.handoff.bench.peer;

import dev.handoff.domain.service.UuidV7Ids;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;

/** The floor: what an HTTP request and one committed row cost, with nothing else in between. */
@Path("/")
public final class FloorResource {

    private final FloorTable table;
    private final InstantSource clock = InstantSource.system();
    /** Handoff's own id scheme, so that the primary-key index grows the same way as Handoff's. */
    private final UuidV7Ids ids = new UuidV7Ids(clock);

    FloorResource(FloorTable table) {
        this.table = table;
    }

    @GET
    @Path("health")
    public Response health() {
        return Response.ok().build();
    }

    @POST
    @Path("handoffs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(FloorHandoffRequest request) throws SQLException {
        if (request == null) {
            return badRequest("a JSON body is required");
        }
        FloorHandoff row;
        try {
            UUID id = ids.next().value();
            row = request.toRow(id, clock.instant());
        } catch (IllegalArgumentException invalid) {
            return badRequest(invalid.getMessage());
        }
        table.insert(row);
        return Response.status(Response.Status.CREATED).entity(Map.of("id", row.id().toString())).build();
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", message)).build();
    }
}
