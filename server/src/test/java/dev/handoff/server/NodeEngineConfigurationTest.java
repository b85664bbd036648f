package dev.handoff.server;

import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class NodeEngineConfigurationTest {

    @Test
    void the_engine_takes_the_mapping_parsed_ahead_when_it_fits_and_works_on_it() {
        // given
        EngineMapping mapping = EngineMapping.parse("postgres", "");
        NodeEngineConfiguration configuration = configuration(CompletableFuture.completedFuture(Optional.of(mapping)));

        // when
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            // then
            assertThat(configuration.getSqlSessionFactory().getConfiguration()).isSameAs(mapping.configuration());
            assertRuns(engine);
        } finally {
            engine.close();
        }
    }

    @Test
    void the_engine_parses_its_own_mapping_when_the_one_parsed_ahead_does_not_fit_or_is_missing_or_failed() {
        EngineMapping forAnotherDatabase = EngineMapping.parse("h2", "");
        CompletableFuture<Optional<EngineMapping>> failed = CompletableFuture.failedFuture(
                new IllegalStateException("the mapping could not be read"));
        for (CompletableFuture<Optional<EngineMapping>> mapping : List.of(
                CompletableFuture.completedFuture(Optional.of(forAnotherDatabase)),
                CompletableFuture.<Optional<EngineMapping>>completedFuture(Optional.empty()), failed)) {
            // given
            NodeEngineConfiguration configuration = configuration(mapping);

            // when
            ProcessEngine engine = configuration.buildProcessEngine();
            try {
                // then
                Configuration used = configuration.getSqlSessionFactory().getConfiguration();
                assertThat(used).isNotSameAs(forAnotherDatabase.configuration());
                assertThat(used.getVariables()).containsEntry("prefix", "");
                assertRuns(engine);
            } finally {
                engine.close();
            }
        }
    }

    /** An engine on a new in-memory database, spoken to as PostgreSQL, as the handoff plugin does with HSQLDB. */
    private static NodeEngineConfiguration configuration(CompletableFuture<Optional<EngineMapping>> mapping) {
        JDBCDataSource database = new JDBCDataSource();
        database.setUrl("jdbc:hsqldb:mem:" + UUID.randomUUID() + ";sql.syntax_pgs=true;hsqldb.tx=mvcc");
        database.setUser("SA");
        NodeEngineConfiguration configuration = new NodeEngineConfiguration(mapping);
        configuration.setProcessEngineName("mapping-" + UUID.randomUUID());
        configuration.setDataSource(database);
        configuration.setDatabaseType("postgres");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        return configuration;
    }

    private static void assertRuns(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment()
                .addModelInstance("waiting.bpmn", Bpmn.createExecutableProcess("waiting").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("wait").endEvent().done())
                .deploy();
        engine.getRuntimeService().startProcessInstanceByKey("waiting");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("wait").count()).isEqualTo(1);
    }
}
