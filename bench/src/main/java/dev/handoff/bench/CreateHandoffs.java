package dev.handoff.bench;

import java.time.Duration;
import java.time.Instant;

/** One create request per operation: Handoff's {@code POST /api/handoffs}, or the same body to a floor. */
record CreateHandoffs(SystemKind system, Http.Endpoint endpoint, String path) implements Scenario {

    static final Duration EXPIRY = Duration.ofDays(1);

    static CreateHandoffs handoff(Http.Endpoint endpoint) {
        return new CreateHandoffs(SystemKind.HANDOFF, endpoint, "api/handoffs");
    }

    static CreateHandoffs floor(Http.Endpoint endpoint) {
        return new CreateHandoffs(SystemKind.FLOOR, endpoint, "floor/handoffs");
    }

    static CreateHandoffs engineFloor(Http.Endpoint endpoint) {
        return new CreateHandoffs(SystemKind.ENGINE_FLOOR, endpoint, EngineFloorLifecycles.CREATE);
    }

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.CREATE;
    }

    @Override
    public int requestsPerOperation() {
        return 1;
    }

    @Override
    public Operation forUser(int user, int users) {
        return () -> endpoint.post(path, Bodies.create(Instant.now().plus(EXPIRY)));
    }
}
