package dev.handoff.persistence;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.model.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.handoff.persistence.Fixtures.NOON;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database keeps every committed row: across a clean close, and across a kill -9. */
class EmbeddedDurabilityTest {

    /** Commits the killed child must have acknowledged before it is killed. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;
    /** What a JVM killed by SIGKILL exits with (128 + 9). */
    private static final int KILLED_BY_SIGKILL = 137;

    @TempDir
    Path dataDir;

    @Test
    void a_clean_close_reopens_with_every_row_and_no_log_left_to_replay() {
        // given
        Tenant tenant = Fixtures.aTenant();
        List<Handoff> written = new ArrayList<>();
        try (HandoffPersistence persistence = HandoffPersistence.open(PersistenceSettings.embedded(dataDir))) {
            for (int i = 0; i < 20; i++) {
                Transition creation = Fixtures.aGatedCreation(tenant, "support-agent", NOON.plusMillis(i));
                persistence.transactions().inTransaction(() -> {
                    persistence.handoffs().add(creation.handoff());
                    persistence.bus().publish(creation.event());
                    return null;
                });
                written.add(creation.handoff());
            }
        }

        // then: SHUTDOWN checkpointed everything into the data file
        Path log = dataDir.resolve("handoff.log");
        assertThat(!Files.exists(log) || log.toFile().length() == 0).as("an empty or absent %s", log).isTrue();

        // when
        try (HandoffPersistence reopened = HandoffPersistence.open(PersistenceSettings.embedded(dataDir))) {
            // then
            assertThat(reopened.transactions().inTransaction(() ->
                    reopened.handoffs().list(tenant, HandoffFilter.ALL, 100)))
                    .containsExactlyInAnyOrderElementsOf(written);
            assertThat(reopened.eventCount("handoff.created")).isEqualTo(20);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void a_process_killed_while_committing_reopens_with_every_committed_row() throws Exception {
        // given: a child JVM committing handoff after handoff, reporting each commit once it returned
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitsUntilKilled.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        List<HandoffId> acknowledged = new ArrayList<>();
        List<String> otherOutput = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
                String line = output.readLine();
                assertThat(line).as("the child ended early, saying %s", otherOutput).isNotNull();
                if (line.startsWith(CommitsUntilKilled.COMMITTED)) {
                    String id = line.substring(CommitsUntilKilled.COMMITTED.length());
                    acknowledged.add(new HandoffId(UUID.fromString(id)));
                } else {
                    otherOutput.add(line);
                }
            }

            // when: kill -9 in the middle of its next commits
            child.destroyForcibly();
            assertThat(child.waitFor()).isEqualTo(KILLED_BY_SIGKILL);
        } finally {
            child.destroyForcibly();
        }

        // then
        long reopening = System.nanoTime();
        try (HandoffPersistence reopened = HandoffPersistence.open(PersistenceSettings.embedded(dataDir))) {
            double reopenSeconds = (System.nanoTime() - reopening) / 1e9;
            for (HandoffId id : acknowledged) {
                assertThat(reopened.transactions().inTransaction(() ->
                        reopened.handoffs().find(CommitsUntilKilled.TENANT, id))).as("handoff %s", id).isPresent();
            }
            long handoffs = count(reopened, "SELECT COUNT(*) FROM handoff");
            assertThat(handoffs).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            // a commit in flight at the kill is there whole or not at all
            assertThat(reopened.eventCount("handoff.created")).isEqualTo(handoffs);
            System.out.printf("kill -9 after %d acknowledged commits: reopened in %.1f s with %d handoffs and %d"
                    + " created events%n", acknowledged.size(), reopenSeconds, handoffs,
                    reopened.eventCount("handoff.created"));
        }
    }

    private static long count(HandoffPersistence persistence, String sql) throws SQLException {
        try (Connection connection = persistence.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
