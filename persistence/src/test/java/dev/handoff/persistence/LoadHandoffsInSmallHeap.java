package dev.handoff.persistence;

import dev.handoff.domain.fake.MutableClock;
import dev.handoff.domain.model.ChainDepth;
import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Priority;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.service.UuidV7Ids;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Run in a small-heap child JVM by {@link EmbeddedMillionHandoffsTest}: adds handoffs to the
 * embedded database through the repository, a thousand per unit of work, and reports after every
 * tenth of them how much heap is still in use after a full GC, and how large the data file is.
 * Then times the list through the port ({@link ListLatency}), closes, reopens and counts.
 */
public final class LoadHandoffsInSmallHeap {

    static final String REOPENED = "reopened with ";
    private static final int PER_UNIT = 1_000;
    private static final Tenant BUSY_TENANT = new Tenant("acme", "support");
    private static final int RECIPIENTS = 499;
    private static final HandoffStatus[] STATUS_MIX = {
        HandoffStatus.COMPLETED, HandoffStatus.COMPLETED, HandoffStatus.COMPLETED, HandoffStatus.COMPLETED,
        HandoffStatus.COMPLETED, HandoffStatus.COMPLETED, HandoffStatus.COMPLETED, HandoffStatus.EXPIRED,
        HandoffStatus.REJECTED, HandoffStatus.IN_PROGRESS, HandoffStatus.ACCEPTED, HandoffStatus.PENDING};
    private static final Instant FIRST = Instant.parse("2025-04-01T00:00:00Z");
    private static final String BODY = "body text ".repeat(20);

    private LoadHandoffsInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        MutableClock clock = new MutableClock(FIRST);
        UuidV7Ids ids = new UuidV7Ids(clock);
        System.out.printf("max heap %d MB, %,d handoffs to add%n", Runtime.getRuntime().maxMemory() >> 20, rows);

        long started = System.nanoTime();
        try (HandoffPersistence persistence = HandoffPersistence.open(PersistenceSettings.embedded(dataDir))) {
            for (int first = 0; first < rows; first += PER_UNIT) {
                int from = first;
                persistence.transactions().inTransaction(() -> {
                    for (int n = from; n < Math.min(from + PER_UNIT, rows); n++) {
                        clock.advance(Duration.ofSeconds(30));
                        persistence.handoffs().add(handoff(n, ids, clock.instant()));
                    }
                    return null;
                });
                int added = Math.min(first + PER_UNIT, rows);
                if (added % Math.max(rows / 10, PER_UNIT) == 0) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("rows=%d seconds=%.1f rowsPerSecond=%.0f heapAfterGcMb=%.1f dataFileMb=%.1f%n",
                            added, seconds, added / seconds, heapAfterGcMb(),
                            megabytes(dataDir.resolve("handoff.data")));
                }
            }
            System.out.printf("the list through the port, %d rows a page, after %d s of warm-up:%n", Limits.LIST_MAX,
                    ListLatency.WARM_UP.toSeconds());
            ListLatency latency = new ListLatency(persistence, BUSY_TENANT);
            List<ListLatency.Shape> shapes = ListLatency.Shape.all(RECIPIENTS);
            latency.warmUp(shapes.get(0));
            latency.measure(shapes.get(0), 1, 4, 16).forEach(System.out::println);
            for (ListLatency.Shape shape : shapes.subList(1, shapes.size())) {
                latency.measure(shape, 1).forEach(System.out::println);
            }
            System.out.printf("heapAfterGcMb=%.1f after the list queries%n", heapAfterGcMb());
        }
        long reopening = System.nanoTime();
        try (HandoffPersistence reopened = HandoffPersistence.open(PersistenceSettings.embedded(dataDir))) {
            System.out.printf("%s%d handoffs in %.1f s (clean close before)%n", REOPENED, count(reopened),
                    (System.nanoTime() - reopening) / 1e9);
        }
    }

    /** The same mix as the PostgreSQL load: 60% one busy tenant, 499 recipients, 1 in 12 pending. */
    private static Handoff handoff(int n, UuidV7Ids ids, Instant createdAt) {
        Tenant tenant = n % 10 < 6 ? BUSY_TENANT : new Tenant("account-" + n % 97, "project-" + n % 3);
        return new Handoff(ids.next(), tenant, "agent-" + n % 50, "agent-" + n % RECIPIENTS, Optional.empty(),
                Optional.empty(), "Handoff number " + n, BODY, Optional.empty(), new Priority(n % 4),
                STATUS_MIX[(n / 3) % 12], n % 2 == 0, Optional.empty(), Optional.empty(), ChainDepth.ROOT, createdAt,
                Optional.empty(), createdAt.plus(Duration.ofDays(1)), Handoff.FIRST_VERSION);
    }

    private static double heapAfterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static double megabytes(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) / (1024.0 * 1024.0) : 0;
    }

    private static long count(HandoffPersistence persistence) throws SQLException {
        try (Connection connection = persistence.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM handoff")) {
            result.next();
            return result.getLong(1);
        }
    }
}
