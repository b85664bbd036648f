package dev.handoff.embedding;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.in.CreateHandoffCommand;
import dev.handoff.server.HandoffEmbedding;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** README's embedding snippet, run as written: a BPM team's own engine and database get the handoff process. */
class EmbeddingTest {

    @Test
    void a_teams_engine_with_the_plugin_runs_handoffs_in_its_own_database(@TempDir Path dir) {
        // given: the team's database (HSQLDB needs PostgreSQL syntax and MVCC for Camunda)
        JDBCDataSource teams = new JDBCDataSource();
        teams.setUrl("jdbc:hsqldb:file:" + dir.resolve("engine") + ";sql.syntax_pgs=true;hsqldb.tx=mvcc");
        teams.setUser("SA");
        DataSource dataSource = teams;

        // --- README: "Embedding the plugin" ---
        try (HandoffEmbedding handoffs = HandoffEmbedding.on(dataSource)) {
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setJobExecutorActivate(true);
            configuration.getProcessEnginePlugins().add(handoffs.plugin());
            ProcessEngine engine = configuration.buildProcessEngine();

            Handoff handoff = handoffs.application().createHandoff().create(new CreateHandoffCommand(
                    new Tenant("ACCOUNT-1", "PROJECT-1"), "analyst-agent", "reviewer-agent", null,
                    "Q4 revenue analysis ready for review", "Please verify the methodology.", null, 1, true,
                    null, null, null, null, null, null)).handoff();

            // the approval is an ordinary Camunda user task
            Task approval = engine.getTaskService().createTaskQuery()
                    .processInstanceBusinessKey(handoff.id().toString())
                    .taskCandidateUser("reviewer-agent")
                    .singleResult();
            engine.getTaskService().complete(approval.getId(),
                    Map.of("decision", "approve", "approvedBy", "team-lead"));
            // --- end of the snippet ---

            // then
            Handoff decided = handoffs.application().findHandoffs().get(handoff.tenant(), handoff.id());
            assertThat(decided.status()).isEqualTo(HandoffStatus.ACCEPTED);
            assertThat(decided.approvedBy()).contains("team-lead");
            engine.close();
        }
    }
}
