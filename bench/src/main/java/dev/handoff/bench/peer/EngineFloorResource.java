package dev.handoff.bench.peer;

import dev.handoff.domain.service.UuidV7Ids;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;

import java.time.InstantSource;
import java.util.Date;
import java.util.Map;

/**
 * The engine floor: what the engine's own work for a handoff costs over the same HTTP stack, with
 * nothing else in the request. Each request is one transaction of Camunda's Java API on the peer's
 * process: a create starts it at its approval task (with the expiry timer, as Handoff starts its
 * own), approve completes that task, start and complete send the two messages. No handoff row, no
 * event, no key check: a server that moves a handoff's process in the request's transaction does
 * all of this and more, so its share of the floor stays below the engine floor's.
 */
@Path("/")
public final class EngineFloorResource {

    private static final String APPROVAL_TASK = "decide";

    private final ProcessEngine engine;
    private final CommandExecutor inOneTransaction;
    private final String definitionId;
    private final InstantSource clock = InstantSource.system();
    /** Handoff's own id scheme for the business key, as for the floor's rows. */
    private final UuidV7Ids ids = new UuidV7Ids(clock);

    EngineFloorResource(ProcessEngine engine) {
        this.engine = engine;
        this.inOneTransaction = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        // looked up once, as Handoff does: a start by id reads no definition query
        this.definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PeerEngine.PROCESS_KEY).latestVersion().singleResult().getId();
    }

    @POST
    @Path("handoffs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(FloorHandoffRequest request) {
        if (request == null) {
            return problem(Response.Status.BAD_REQUEST, "a JSON body is required");
        }
        FloorHandoff handoff;
        try {
            handoff = request.toRow(ids.next().value(), clock.instant());
        } catch (IllegalArgumentException invalid) {
            return problem(Response.Status.BAD_REQUEST, invalid.getMessage());
        }
        String instance = engine.getRuntimeService().createProcessInstanceById(definitionId)
                .businessKey(handoff.id().toString())
                .setVariable("toProfileId", handoff.toProfileId())
                .setVariable("expiresAt", Date.from(handoff.expiresAt()))
                .startBeforeActivity(APPROVAL_TASK)
                .execute()
                .getId();
        return Response.status(Response.Status.CREATED).entity(Map.of("id", instance)).build();
    }

    /** Finds the approval task and completes it, in one transaction as Handoff's approve is. */
    @POST
    @Path("handoffs/{instance}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("instance") String instance) {
        boolean completed = inOneTransaction.execute(context -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey(APPROVAL_TASK).singleResult();
            if (task == null) {
                return false;
            }
            engine.getTaskService().complete(task.getId());
            return true;
        });
        return completed ? Response.noContent().build()
                : problem(Response.Status.CONFLICT, "no approval task waits in " + instance);
    }

    @POST
    @Path("handoffs/{instance}/start")
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("instance") String instance) {
        return correlate("HandoffStarted", instance);
    }

    @POST
    @Path("handoffs/{instance}/complete")
    @Produces(MediaType.APPLICATION_JSON)
    public Response complete(@PathParam("instance") String instance) {
        return correlate("HandoffCompleted", instance);
    }

    private Response correlate(String message, String instance) {
        try {
            engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(instance).correlate();
            return Response.noContent().build();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            return problem(Response.Status.CONFLICT, instance + " does not wait for " + message);
        }
    }

    private static Response problem(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
