package dev.handoff.bench;

/**
 * One cell of the results table: one scenario on one system at one concurrency.
 *
 * @param operations successful operations that ended inside the measurement window
 * @param errors     failed operations, warm-up included
 * @param firstError what the first failure said, or empty
 */
record CellResult(DatabaseKind database, ScenarioKind scenario, SystemKind system, int concurrency,
                  int requestsPerOperation, long operations, double windowSeconds, Latency latency, long errors,
                  String firstError) {

    /** Any failed operation fails the run; a cell where none ended inside the window is only empty. */
    boolean failed() {
        return errors > 0;
    }

    double operationsPerSecond() {
        return operations / windowSeconds;
    }

    double requestsPerSecond() {
        return operationsPerSecond() * requestsPerOperation;
    }

    boolean sameCell(DatabaseKind otherDatabase, ScenarioKind otherScenario, SystemKind otherSystem,
                     int otherConcurrency) {
        return database == otherDatabase && scenario == otherScenario && system == otherSystem
                && concurrency == otherConcurrency;
    }
}
