package dev.handoff.bench;

/** Stores a conversation's state and reads it back by its id: a write and a read per operation. */
record HandoffStateWrites(Http.Endpoint endpoint, String accountId, String projectId) implements Scenario {

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.STATE;
    }

    @Override
    public SystemKind system() {
        return SystemKind.HANDOFF;
    }

    @Override
    public int requestsPerOperation() {
        return 2;
    }

    @Override
    public Operation forUser(int user, int users) {
        String path = "v1/" + accountId + "/" + projectId + "/handoff_state";
        return new Operation() {
            private long count;

            @Override
            public void perform() throws Exception {
                String conversation = "CONV-" + user + "-" + count++;
                endpoint.post(path, Bodies.state(conversation, "crm-" + conversation));
                endpoint.get(path + "?id=" + conversation);
            }
        };
    }
}
