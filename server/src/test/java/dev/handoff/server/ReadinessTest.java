package dev.handoff.server;

import org.camunda.bpm.engine.ProcessEngine;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTest {

    @Test
    void the_engine_is_down_while_it_is_being_built() {
        // given a database that answers and an engine still being built
        JDBCDataSource database = new JDBCDataSource();
        database.setUrl("jdbc:hsqldb:mem:" + UUID.randomUUID());
        database.setUser("SA");
        Readiness readiness = new Readiness(database, new CompletableFuture<ProcessEngine>());

        // then
        assertThat(readiness.check()).containsEntry("database", "UP")
                .containsEntry("engine", "DOWN: the engine is starting");
    }
}
