package dev.handoff.server;

import org.camunda.bpm.engine.ProcessEngine;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/** Whether the node can serve: its database answers and its engine has the handoff process and runs timers. */
final class Readiness {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;
    private static final String UP = "UP";

    private final DataSource database;
    /** Done once the engine is built; the HTTP side is put together while it is being built. */
    private final CompletableFuture<ProcessEngine> engine;

    Readiness(DataSource database, CompletableFuture<ProcessEngine> engine) {
        this.database = database;
        this.engine = engine;
    }

    /** Each check by name, "UP" or "DOWN: why". */
    Map<String, String> check() {
        Map<String, String> checks = new LinkedHashMap<>();
        String database = database();
        checks.put("database", database);
        // the engine reads the same database: without it the check would only wait out the timeout again
        checks.put("engine", database.equals(UP) ? engine() : "DOWN: the database is down");
        return checks;
    }

    private String database() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS) ? UP : "DOWN: the connection is not valid";
        } catch (Exception failure) {
            return "DOWN: " + failure.getClass().getSimpleName();
        }
    }

    private String engine() {
        ProcessEngine engine = this.engine.getNow(null);
        if (engine == null) {
            return "DOWN: the engine is starting";
        }
        if (!engine.getProcessEngineConfiguration().isJobExecutorActivate()) {
            return "DOWN: the job executor is off";
        }
        try {
            long deployed = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("handoff").count();
            return deployed > 0 ? UP : "DOWN: the handoff process is not deployed";
        } catch (Exception failure) {
            return "DOWN: " + failure.getClass().getSimpleName();
        }
    }
}
