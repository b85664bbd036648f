package dev.handoff.bench;

import java.time.Instant;

/**
 * Handoff's lifecycle on the engine floor: create, approve, start, complete, four requests as to
 * Handoff, each one transaction of Camunda's Java API and nothing else.
 */
record EngineFloorLifecycles(Http.Endpoint endpoint) implements Scenario {

    static final String CREATE = "engine-floor/handoffs";

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.LIFECYCLE;
    }

    @Override
    public SystemKind system() {
        return SystemKind.ENGINE_FLOOR;
    }

    @Override
    public int requestsPerOperation() {
        return 4;
    }

    @Override
    public Operation forUser(int user, int users) {
        return () -> {
            String created = endpoint.post(CREATE, Bodies.create(Instant.now().plus(CreateHandoffs.EXPIRY)));
            String path = CREATE + "/" + Json.text(created, "id");
            endpoint.post(path + "/approve", null);
            endpoint.post(path + "/start", null);
            endpoint.post(path + "/complete", null);
        };
    }
}
