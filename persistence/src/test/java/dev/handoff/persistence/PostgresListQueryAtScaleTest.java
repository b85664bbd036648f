package dev.handoff.persistence;

import dev.handoff.testing.PostgresDatabase;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Tenant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On demand ({@code mvn -pl persistence verify -Pscale}): loads a million handoffs into a fresh
 * PostgreSQL database and shows, with EXPLAIN ANALYZE, that each filter combination of the list
 * query reads an index in order and stops after 100 rows; then times the list through the port
 * (see {@link ListLatency}). The plans and the figures go to stdout and to
 * {@code target/scale/postgres-list-plans.txt}.
 */
@Tag("scale")
class PostgresListQueryAtScaleTest {

    private static final int ROWS = Integer.getInteger("handoff.scale.rows", 1_000_000);
    private static final Tenant BUSY_TENANT = new Tenant("acme", "support");
    private static final int RECIPIENTS = 499;

    /** 60% of the rows belong to one busy tenant, the rest to 291 others; 499 recipients; 1 in 12 pending. */
    private static final String LOAD = """
            INSERT INTO handoff (id, account_id, project_id, from_profile_id, to_profile_id, subject, body,
                                 priority, status, requires_approval, chain_depth, created_at, expires_at, version)
            SELECT gen_random_uuid(),
                   CASE WHEN n % 10 < 6 THEN 'acme' ELSE 'account-' || (n % 97) END,
                   CASE WHEN n % 10 < 6 THEN 'support' ELSE 'project-' || (n % 3) END,
                   'agent-' || (n % 50),
                   'agent-' || (n % 499),
                   'Handoff number ' || n,
                   repeat('body text ', 20),
                   n % 4,
                   (ARRAY['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
                          'expired', 'rejected', 'in_progress', 'accepted', 'pending'])[1 + (n / 3) % 12],
                   n % 2 = 0,
                   0,
                   TIMESTAMP WITH TIME ZONE '2025-04-01 00:00:00+00' + n * INTERVAL '30 seconds',
                   TIMESTAMP WITH TIME ZONE '2025-04-02 00:00:00+00' + n * INTERVAL '30 seconds',
                   1
            FROM generate_series(1, ?) AS n
            """;

    /** What {@link HandoffPages} sends (its column list shortened to *), the limit bound as a parameter. */
    private static String listQuery(HandoffFilter filter) {
        return "SELECT * FROM handoff WHERE account_id = ? AND project_id = ?"
                + filter.recipient().map(recipient -> " AND to_profile_id = ?").orElse("")
                + filter.status().map(status -> " AND status = ?").orElse("")
                + " ORDER BY account_id DESC, project_id DESC"
                + filter.recipient().map(recipient -> ", to_profile_id DESC").orElse("")
                + filter.status().map(status -> ", status DESC").orElse("")
                + ", created_at DESC, id DESC FETCH FIRST ? ROWS ONLY";
    }

    @Test
    void every_filter_combination_of_the_list_reads_an_index_in_order_at_a_million_rows() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create();
             HandoffPersistence persistence = HandoffPersistence.open(PersistenceSettings.postgres(database.url(), database.user(), ""))) {
            // given
            long loadStarted = System.nanoTime();
            execute(persistence, LOAD, ROWS);
            // as autovacuum leaves a table after a bulk load: statistics, visibility map, hint bits
            execute(persistence, "VACUUM ANALYZE handoff");
            StringBuilder report = new StringBuilder(String.format("%,d handoffs loaded and vacuumed in %.1f s%n",
                    ROWS, (System.nanoTime() - loadStarted) / 1e9));

            for (HandoffFilter filter : List.of(HandoffFilter.ALL,
                    new HandoffFilter(Optional.of(HandoffStatus.PENDING), Optional.empty()),
                    new HandoffFilter(Optional.empty(), Optional.of("agent-7")),
                    new HandoffFilter(Optional.of(HandoffStatus.PENDING), Optional.of("agent-7")))) {
                // when
                List<String> plan = explainAnalyze(persistence, filter);
                List<String> genericPlan = explainGeneric(persistence, filter);

                // then
                report.append(String.format("%n-- %s%n%s%n%s%n-- as a generic plan (PREPARE, plan_cache_mode"
                                + " = force_generic_plan):%n%s%n",
                        describe(filter), listQuery(filter), String.join("\n", plan), String.join("\n", genericPlan)));
                for (List<String> anyPlan : List.of(plan, genericPlan)) {
                    assertThat(String.join("\n", anyPlan)).contains("Index Scan")
                            .doesNotContain("Sort").doesNotContain("Seq Scan");
                }
            }

            // when: the list through the port, warm, every page checked (ListLatency)
            report.append(String.format("%n-- the list through the port, %d rows a page, after %d s of warm-up:%n",
                    Limits.LIST_MAX, ListLatency.WARM_UP.toSeconds()));
            ListLatency latency = new ListLatency(persistence, BUSY_TENANT);
            List<ListLatency.Shape> shapes = ListLatency.Shape.all(RECIPIENTS);
            latency.warmUp(shapes.get(0));
            latency.measure(shapes.get(0), 1, 4, 16).forEach(figures -> report.append(figures).append('\n'));
            for (ListLatency.Shape shape : shapes.subList(1, shapes.size())) {
                latency.measure(shape, 1).forEach(figures -> report.append(figures).append('\n'));
            }

            // then
            System.out.println(report);
            Path out = Path.of("target", "scale");
            Files.createDirectories(out);
            Files.writeString(out.resolve("postgres-list-plans.txt"), report);
        }
    }

    /** EXPLAIN ANALYZE with the values bound, as pgjdbc sends the first executions of a statement. */
    private static List<String> explainAnalyze(HandoffPersistence persistence, HandoffFilter filter)
            throws SQLException {
        try (Connection connection = persistence.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement(
                     "EXPLAIN (ANALYZE, BUFFERS) " + listQuery(filter))) {
            List<Object> values = values(filter);
            for (int i = 0; i < values.size(); i++) {
                explain.setObject(i + 1, values.get(i));
            }
            return lines(explain.executeQuery());
        }
    }

    /**
     * EXPLAIN ANALYZE of the plan PostgreSQL makes once for any values: what a server-side
     * prepared statement may switch to after its fifth execution.
     */
    private static List<String> explainGeneric(HandoffPersistence persistence, HandoffFilter filter)
            throws SQLException {
        String sql = listQuery(filter);
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        String arguments = values(filter).stream()
                .map(value -> value instanceof String text ? "'" + text + "'" : String.valueOf(value))
                .collect(Collectors.joining(", "));
        try (Connection connection = persistence.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE list_handoffs AS " + numbered);
            try {
                return lines(statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE list_handoffs(" + arguments
                        + ")"));
            } finally {
                statement.execute("DEALLOCATE list_handoffs");
                statement.execute("RESET plan_cache_mode");
            }
        }
    }

    private static List<Object> values(HandoffFilter filter) {
        List<Object> values = new ArrayList<>(List.of(BUSY_TENANT.accountId(), BUSY_TENANT.projectId()));
        filter.recipient().ifPresent(values::add);
        filter.status().ifPresent(status -> values.add(status.wireName()));
        values.add(100);
        return values;
    }

    private static List<String> lines(ResultSet rows) throws SQLException {
        try (rows) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
            return lines;
        }
    }

    private static String describe(HandoffFilter filter) {
        return "tenant " + BUSY_TENANT.accountId() + "/" + BUSY_TENANT.projectId()
                + filter.status().map(status -> ", status " + status.wireName()).orElse("")
                + filter.recipient().map(recipient -> ", recipient " + recipient).orElse("");
    }

    private static void execute(HandoffPersistence persistence, String sql, Object... parameters)
            throws SQLException {
        try (Connection connection = persistence.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }
}
