package dev.handoff.bench;

/**
 * Handoff's lifecycle on Camunda's REST API: start the process, find and complete its approval
 * task, then the messages that start and complete the work; five requests per operation.
 */
record PeerLifecycles(Http.Endpoint endpoint) implements Scenario {

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.LIFECYCLE;
    }

    @Override
    public SystemKind system() {
        return SystemKind.PEER;
    }

    @Override
    public int requestsPerOperation() {
        return 5;
    }

    @Override
    public Operation forUser(int user, int users) {
        return () -> {
            String instance = PeerCreates.start(endpoint);
            String task = Json.firstItemText(endpoint.get("engine-rest/task?processInstanceId=" + instance),
                    "id");
            endpoint.post("engine-rest/task/" + task + "/complete", Bodies.peerApprove());
            endpoint.post("engine-rest/message", Bodies.peerMessage("HandoffStarted", instance));
            endpoint.post("engine-rest/message", Bodies.peerMessage("HandoffCompleted", instance));
        };
    }
}
