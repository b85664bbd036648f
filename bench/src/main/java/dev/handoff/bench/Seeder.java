package dev.handoff.bench;

import dev.handoff.domain.model.Tenant;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fills the {@code handoff} table for the list scenario with plain JDBC batches: rows of one
 * tenant, spread over recipients and all statuses, created over the last 30 days, so that every
 * recipient's pending handoffs fill a page of the list.
 */
final class Seeder {

    static final int MAX_RECIPIENTS = 1_000;
    /** Each recipient's share; a sixth of it is pending, more than a page (100). */
    static final int ROWS_PER_RECIPIENT = 1_000;
    static final List<String> STATUSES = List.of("pending", "accepted", "in_progress", "completed", "rejected",
            "expired");

    private static final int BATCH = 1_000;
    private static final int BATCHES_PER_COMMIT = 10;
    private static final Duration SPREAD = Duration.ofDays(30);
    private static final String INSERT = "INSERT INTO handoff (id, account_id, project_id, from_profile_id,"
            + " to_profile_id, source_task_id, target_task_id, subject, body, attachments, priority, status,"
            + " requires_approval, approved_by, parent_message_id, chain_depth, created_at, responded_at, expires_at,"
            + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, TRUE, ?, NULL, 0, ?, ?, ?, ?)";

    private Seeder() {
    }

    static int recipients(int rows) {
        return Math.max(1, Math.min(MAX_RECIPIENTS, rows / ROWS_PER_RECIPIENT));
    }

    static String recipient(int index) {
        return String.format("recipient-%04d", index);
    }

    /** Row {@code row} of {@code rows} goes to recipient {@code row % recipients}; statuses take turns. */
    static String status(int row, int rows) {
        return STATUSES.get((row / recipients(rows)) % STATUSES.size());
    }

    /** Inserts {@code rows} handoffs of {@code tenant}; returns how long it took. */
    static Duration seed(DataSource dataSource, Tenant tenant, int rows) throws SQLException {
        long began = System.nanoTime();
        Instant now = Instant.now();
        Instant first = now.minus(SPREAD);
        long step = Math.max(1, SPREAD.toMillis() / rows);
        Random random = new SecureRandom();
        int recipients = recipients(rows);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (int row = 0; row < rows; row++) {
                Instant created = first.plusMillis(row * step);
                String status = status(row, rows);
                boolean decided = !status.equals("pending") && !status.equals("expired");
                insert.setObject(1, timeOrderedId(created, random));
                insert.setString(2, tenant.accountId());
                insert.setString(3, tenant.projectId());
                insert.setString(4, Bodies.FROM);
                insert.setString(5, recipient(row % recipients));
                insert.setString(6, Bodies.SOURCE_TASK);
                boolean started = status.equals("in_progress") || status.equals("completed");
                insert.setString(7, started ? "task-review-1" : null);
                insert.setString(8, Bodies.SUBJECT);
                insert.setString(9, Bodies.BODY);
                insert.setShort(10, (short) Bodies.PRIORITY);
                insert.setString(11, status);
                insert.setString(12, decided ? Bodies.APPROVER : null);
                insert.setObject(13, utc(created));
                if (decided) {
                    insert.setObject(14, utc(created.plusSeconds(60)));
                } else {
                    insert.setNull(14, Types.TIMESTAMP_WITH_TIMEZONE);
                }
                insert.setObject(15, utc(created.plus(CreateHandoffs.EXPIRY)));
                insert.setLong(16, decided ? 3 : 1);
                insert.addBatch();
                if ((row + 1) % BATCH == 0 || row == rows - 1) {
                    insert.executeBatch();
                    if ((row + 1) % (BATCH * BATCHES_PER_COMMIT) == 0 || row == rows - 1) {
                        connection.commit();
                    }
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** Like Handoff's own ids (UUIDv7): time first, so that the primary key grows at its end. */
    static UUID timeOrderedId(Instant created, Random random) {
        long mostSignificant = (created.toEpochMilli() << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long leastSignificant = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
