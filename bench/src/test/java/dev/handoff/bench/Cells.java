package dev.handoff.bench;

/** Cell results for tests: {@code opsPerSecond} over a one-second window. */
final class Cells {

    private Cells() {
    }

    static CellResult cell(DatabaseKind database, ScenarioKind scenario, SystemKind system, int concurrency,
                           int requestsPerOperation, long opsPerSecond, double p99Millis) {
        return new CellResult(database, scenario, system, concurrency, requestsPerOperation, opsPerSecond, 1.0,
                new Latency(opsPerSecond, p99Millis / 2, p99Millis, p99Millis * 2), 0, "");
    }

    static CellResult handoff(ScenarioKind scenario, int concurrency, int requestsPerOperation, long opsPerSecond) {
        return cell(DatabaseKind.HSQLDB, scenario, SystemKind.HANDOFF, concurrency, requestsPerOperation,
                opsPerSecond, 5);
    }
}
