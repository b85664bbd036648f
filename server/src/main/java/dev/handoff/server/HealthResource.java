package dev.handoff.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: readiness — 200 when the database and the engine answer, 503 otherwise, with
 * each check. {@code GET /health?probe=live}: liveness — 200 whenever the process serves HTTP.
 * Open to anyone; it names no data.
 */
@Path("health")
public final class HealthResource {

    private final Readiness readiness;

    HealthResource(Readiness readiness) {
        this.readiness = readiness;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health(@QueryParam("probe") String probe) {
        Map<String, Object> body = new LinkedHashMap<>();
        if ("live".equals(probe)) {
            body.put("status", "UP");
            return Response.ok(body).build();
        }
        Map<String, String> checks = readiness.check();
        boolean up = checks.values().stream().allMatch("UP"::equals);
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
