package dev.handoff.bench;

import java.time.Instant;
import java.util.UUID;

/** Starts the peer's {@code peer_handoff} process with the create request's fields as variables. */
record PeerCreates(Http.Endpoint endpoint) implements Scenario {

    static final String PROCESS_KEY = "peer_handoff";
    static final String START = "engine-rest/process-definition/key/" + PROCESS_KEY + "/start";

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.CREATE;
    }

    @Override
    public SystemKind system() {
        return SystemKind.PEER;
    }

    @Override
    public int requestsPerOperation() {
        return 1;
    }

    @Override
    public Operation forUser(int user, int users) {
        return () -> start(endpoint);
    }

    /** The new process instance's id. */
    static String start(Http.Endpoint endpoint) throws Exception {
        String started = endpoint.post(START,
                Bodies.peerStart(UUID.randomUUID().toString(), Instant.now().plus(CreateHandoffs.EXPIRY)));
        return Json.text(started, "id");
    }
}
