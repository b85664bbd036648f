package dev.handoff.bench;

import java.time.Instant;

/** Create, approve, start, complete: four requests per operation. */
record HandoffLifecycles(Http.Endpoint endpoint) implements Scenario {

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.LIFECYCLE;
    }

    @Override
    public SystemKind system() {
        return SystemKind.HANDOFF;
    }

    @Override
    public int requestsPerOperation() {
        return 4;
    }

    @Override
    public Operation forUser(int user, int users) {
        return () -> {
            String created = endpoint.post("api/handoffs", Bodies.create(Instant.now().plus(CreateHandoffs.EXPIRY)));
            String path = "api/handoffs/" + Json.text(created, "id");
            endpoint.patch(path, Bodies.approve());
            endpoint.patch(path, Bodies.start());
            endpoint.patch(path, Bodies.complete());
        };
    }
}
