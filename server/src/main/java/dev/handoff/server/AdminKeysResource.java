package dev.handoff.server;

import dev.handoff.domain.model.ApiKeyId;
import dev.handoff.domain.model.DomainException;
import dev.handoff.domain.model.NotFound;
import dev.handoff.domain.model.Scope;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.Unavailable;
import dev.handoff.domain.port.in.IssueApiKeyCommand;
import dev.handoff.domain.port.in.ManageApiKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainerProvider;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /admin/keys}: what {@code bin/handoff keys} does, for a server that holds the embedded
 * database. Guarded by the token the server wrote to its data directory, not by API keys.
 */
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AdminKeysResource {

    private final AdminAccess access;
    private final ManageApiKeys keys;

    AdminKeysResource(AdminAccess access, ManageApiKeys keys) {
        this.access = access;
        this.keys = keys;
    }

    static void mount(HttpServer server, AdminAccess access, ManageApiKeys keys) {
        AdminKeysResource resource = new AdminKeysResource(access, keys);
        ResourceConfig admin = new ResourceConfig()
                .register(AdminKeysResource.class)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(resource).to(AdminKeysResource.class);
                    }
                })
                .register(JacksonFeature.class);
        GrizzlyHttpContainer container = new GrizzlyHttpContainerProvider()
                .createContainer(GrizzlyHttpContainer.class, admin);
        server.getServerConfiguration().addHttpHandler(container, "/admin");
    }

    /** Body: {@code account}, {@code project}, {@code region}, optional {@code scopes} (wire names). */
    @POST
    public Response issue(@HeaderParam("x-admin-token") String token, Map<String, Object> body) {
        return guarded(token, () -> {
            Object scopes = body.getOrDefault("scopes", List.of());
            Set<Scope> chosen = EnumSet.noneOf(Scope.class);
            if (scopes instanceof List<?> names) {
                names.forEach(name -> chosen.add(Scope.fromWire(String.valueOf(name), "scopes")));
            }
            IssueApiKeyCommand command = new IssueApiKeyCommand(
                    new Tenant(text(body, "account"), text(body, "project")), text(body, "region"), chosen);
            ManageApiKeys.IssuedApiKey issued = keys.issue(command);
            return Response.status(201).entity(KeyView.of(issued.key(), issued.token())).build();
        });
    }

    @GET
    public Response list(@HeaderParam("x-admin-token") String token) {
        return guarded(token, () -> Response.ok(keys.list().stream().map(key -> KeyView.of(key, null)).toList()).build());
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@HeaderParam("x-admin-token") String token, @PathParam("id") String id) {
        return guarded(token, () -> Response.ok(KeyView.of(keys.revoke(new ApiKeyId(id)), null)).build());
    }

    private Response guarded(String token, Supplier<Response> action) {
        if (!access.accepts(token)) {
            return problem(401, "missing or wrong x-admin-token");
        }
        try {
            return action.get();
        } catch (NotFound notFound) {
            return problem(404, notFound.getMessage());
        } catch (Unavailable unavailable) {
            return problem(503, unavailable.getMessage());
        } catch (DomainException refused) {
            return problem(400, refused.getMessage());
        }
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : String.valueOf(value);
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("status", status, "detail", detail)).build();
    }
}
