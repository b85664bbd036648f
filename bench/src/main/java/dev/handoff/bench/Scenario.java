package dev.handoff.bench;

/** One kind of operation on one system, sent back to back by each virtual user. */
interface Scenario {

    ScenarioKind kind();

    SystemKind system();

    /** HTTP requests in one operation: what the comparison with the floor counts. */
    int requestsPerOperation();

    /** The operation as virtual user {@code user} of {@code users} performs it; its own state, its own thread. */
    Operation forUser(int user, int users);

    /** One operation; any exception, an unexpected status included, is an error. */
    interface Operation {
        void perform() throws Exception;
    }
}
