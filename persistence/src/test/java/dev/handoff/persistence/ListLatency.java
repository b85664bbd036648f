package dev.handoff.persistence;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffFilter;
import dev.handoff.domain.model.HandoffStatus;
import dev.handoff.domain.model.Limits;
import dev.handoff.domain.model.Tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Times {@link dev.handoff.domain.port.out.Handoffs#list} through the port as the list use case
 * calls it (one unit of work, a page of {@link Limits#LIST_MAX}), on a warm JVM: callers send
 * requests back to back for a while first, then for a measured window, each caller moving on to
 * another filter (another recipient) every call, as a load generator does. Every page read, warm-up
 * included, is checked: the tenant's, matching the filter, newest first, never empty.
 */
final class ListLatency {

    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("handoff.scale.warmup-seconds", 10));
    static final Duration WINDOW = Duration.ofSeconds(Long.getLong("handoff.scale.window-seconds", 10));

    /** Latencies of one window, in milliseconds. */
    record Figures(String what, int concurrency, int calls, double p50, double p99, double max, double perSecond) {

        @Override
        public String toString() {
            return String.format("list %s, %d caller%s: %,d calls (%.0f/s), p50 %.2f ms, p99 %.2f ms, max %.1f ms",
                    what, concurrency, concurrency == 1 ? "" : "s", calls, perSecond, p50, p99, max);
        }
    }

    private final HandoffPersistence persistence;
    private final Tenant tenant;

    ListLatency(HandoffPersistence persistence, Tenant tenant) {
        this.persistence = persistence;
        this.tenant = tenant;
    }

    /** A filter of each shape the list takes, the first; the recipients are agent-0 … agent-{count - 1}. */
    record Shape(String what, IntFunction<HandoffFilter> filters) {

        static List<Shape> all(int recipients) {
            return List.of(
                    new Shape("status pending and a recipient",
                            n -> filter(HandoffStatus.PENDING, recipient(n, recipients))),
                    new Shape("no filter", n -> HandoffFilter.ALL),
                    new Shape("status pending", n -> filter(HandoffStatus.PENDING, null)),
                    new Shape("a recipient", n -> filter(null, recipient(n, recipients))));
        }

        /** Every recipient once in {@code recipients} calls, in an order that jumps around the table. */
        private static String recipient(int n, int recipients) {
            return "agent-" + Math.floorMod(n * 7919L, recipients);
        }

        private static HandoffFilter filter(HandoffStatus status, String recipient) {
            return new HandoffFilter(Optional.ofNullable(status), Optional.ofNullable(recipient));
        }
    }

    /** Calls back to back from a few callers for {@link #WARM_UP}, so that what is measured next runs compiled. */
    void warmUp(Shape shape) throws Exception {
        run(shape, 4, WARM_UP);
    }

    /** One window of {@link #WINDOW} per concurrency. */
    List<Figures> measure(Shape shape, int... concurrencies) throws Exception {
        List<Figures> figures = new ArrayList<>();
        for (int concurrency : concurrencies) {
            figures.add(run(shape, concurrency, WINDOW));
        }
        return figures;
    }

    private Figures run(Shape shape, int concurrency, Duration window) throws Exception {
        long end = System.nanoTime() + window.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<long[]>> latencies = new ArrayList<>();
            for (int caller = 0; caller < concurrency; caller++) {
                int first = caller;
                latencies.add(callers.submit(() -> call(shape.filters(), first, concurrency, end)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> each : latencies) {
                all.add(each.get());
            }
            long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Figures(shape.what(), concurrency, sorted.length, millis(percentile(sorted, 0.50)),
                    millis(percentile(sorted, 0.99)), millis(sorted[sorted.length - 1]),
                    sorted.length / (window.toNanos() / 1e9));
        } finally {
            callers.shutdownNow();
        }
    }

    /** One caller's calls until {@code end}: the n-th call of all uses filter n, so callers share no filter. */
    private long[] call(IntFunction<HandoffFilter> filters, int first, int step, long end) {
        long[] nanos = new long[1 << 16];
        int calls = 0;
        for (int n = first; System.nanoTime() < end; n += step) {
            HandoffFilter filter = filters.apply(n);
            long started = System.nanoTime();
            List<Handoff> page = persistence.transactions().inTransaction(() ->
                    persistence.handoffs().list(tenant, filter, Limits.LIST_MAX));
            long took = System.nanoTime() - started;
            check(page, filter);
            if (calls == nanos.length) {
                nanos = Arrays.copyOf(nanos, calls * 2);
            }
            nanos[calls++] = took;
        }
        return Arrays.copyOf(nanos, calls);
    }

    private void check(List<Handoff> page, HandoffFilter filter) {
        Comparator<Handoff> newestFirst = Comparator.comparing(Handoff::createdAt)
                .thenComparing(Handoff::id).reversed();
        boolean matches = !page.isEmpty() && page.size() <= Limits.LIST_MAX
                && page.stream().allMatch(handoff -> handoff.tenant().equals(tenant)
                        && filter.status().map(status -> status == handoff.status()).orElse(true)
                        && filter.recipient().map(handoff.toProfileId()::equals).orElse(true))
                && page.stream().sorted(newestFirst).toList().equals(page);
        if (!matches) {
            throw new AssertionError("a wrong page for " + filter + ": " + page.size() + " handoffs");
        }
    }

    /** The nearest-rank percentile. */
    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
