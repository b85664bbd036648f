package dev.handoff.bench;

/** A recipient's pending handoffs ({@code status=pending&profileId=...}), a different recipient each time. */
record ListHandoffs(Http.Endpoint endpoint, int recipients) implements Scenario {

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.LIST;
    }

    @Override
    public SystemKind system() {
        return SystemKind.HANDOFF;
    }

    @Override
    public int requestsPerOperation() {
        return 1;
    }

    @Override
    public Operation forUser(int user, int users) {
        return new Operation() {
            private int next = user;

            @Override
            public void perform() throws Exception {
                String recipient = Seeder.recipient(next % recipients);
                next += users;
                endpoint.get("api/handoffs?status=pending&profileId=" + recipient);
            }
        };
    }
}
