package dev.handoff.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates {@code size} handoffs at concurrency 16, all due at the same whole second T, then polls
 * their recipient's pending handoffs every 100 ms until none is left: the time from T to then is
 * how long the job executor took to expire them all. T is chosen from a short pilot of creates at
 * the same concurrency (to another recipient, due much later), so that all are created before T.
 * The Camunda peer's wave and the engine floor's do the same with their processes, each waiting at
 * its approval task.
 */
final class ExpiryWave {

    /** What a wave creates, and how many of them still wait for their timer. */
    enum Target {
        /** Handoff's API: created pending, expired when none is pending any more. */
        HANDOFF(SystemKind.HANDOFF) {
            @Override
            void create(Http.Endpoint endpoint, Instant due, String recipient) throws Exception {
                endpoint.post("api/handoffs", Bodies.create(due, recipient));
            }

            @Override
            int waiting(Http.Endpoint endpoint, String recipient) throws Exception {
                return Json.size(endpoint.get("api/handoffs?status=pending&profileId=" + recipient));
            }
        },
        /** Camunda's REST API: the peer's process started, expired when its instance has ended. */
        PEER(SystemKind.PEER) {
            @Override
            void create(Http.Endpoint endpoint, Instant due, String recipient) throws Exception {
                endpoint.post(PeerCreates.START, Bodies.peerStart(UUID.randomUUID().toString(), due, recipient));
            }

            @Override
            int waiting(Http.Endpoint endpoint, String recipient) throws Exception {
                return runningPeerProcesses(endpoint, recipient);
            }
        },
        /**
         * The engine floor: the peer's process started at its approval task through Camunda's Java API,
         * with only the recipient and the expiry as variables; expired when its instance has ended.
         */
        ENGINE_FLOOR(SystemKind.ENGINE_FLOOR) {
            @Override
            void create(Http.Endpoint endpoint, Instant due, String recipient) throws Exception {
                endpoint.post(EngineFloorLifecycles.CREATE, Bodies.create(due, recipient));
            }

            @Override
            int waiting(Http.Endpoint endpoint, String recipient) throws Exception {
                return runningPeerProcesses(endpoint, recipient);
            }
        };

        private final SystemKind system;

        Target(SystemKind system) {
            this.system = system;
        }

        SystemKind system() {
            return system;
        }

        /** Creates one handoff (or process) for {@code recipient}, due at {@code due}. */
        abstract void create(Http.Endpoint endpoint, Instant due, String recipient) throws Exception;

        abstract int waiting(Http.Endpoint endpoint, String recipient) throws Exception;

        /** The peer's processes for {@code recipient} still running, asked through Camunda's REST API. */
        private static int runningPeerProcesses(Http.Endpoint endpoint, String recipient) throws Exception {
            return Integer.parseInt(Json.text(endpoint.get("engine-rest/process-instance/count?"
                    + "processDefinitionKey=" + PeerCreates.PROCESS_KEY + "&variables=toProfileId_eq_" + recipient),
                    "count"));
        }
    }

    static final String RECIPIENT = "wave-recipient";
    static final String PILOT_RECIPIENT = "wave-pilot";
    static final String WARM_UP_RECIPIENT = "wave-warm-up";

    private static final Duration PILOT = Duration.ofMillis(1_500);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Room for the creates running slower than the pilot did. */
    private static final double CREATE_TIME_FACTOR = 1.5;
    private static final Duration CREATE_MARGIN = Duration.ofSeconds(1);
    private static final Duration LAST_CREATE_BEFORE_DUE = Duration.ofMillis(200);

    private ExpiryWave() {
    }

    static WaveResult run(DatabaseKind database, Target target, JobSettings jobs, Http.Endpoint endpoint, int size)
            throws InterruptedException {
        return wave(database, target, jobs, endpoint, size, RECIPIENT);
    }

    /**
     * An unmeasured wave to another recipient: the expiry path runs compiled in the measured wave
     * that follows on the same server, as each system's code does in the cells.
     */
    static void warmUp(DatabaseKind database, Target target, JobSettings jobs, Http.Endpoint endpoint, int size)
            throws InterruptedException {
        if (wave(database, target, jobs, endpoint, size, WARM_UP_RECIPIENT).failed()) {
            Progress.say("  the warm-up wave had failed or late creates or did not drain in time;"
                    + " the measured wave follows anyway");
        }
    }

    private static WaveResult wave(DatabaseKind database, Target target, JobSettings jobs, Http.Endpoint endpoint,
                                   int size, String recipient) throws InterruptedException {
        double createsPerSecond = pilotRate(target, endpoint);
        Instant began = Instant.now();
        Instant due = dueSecond(began, size, createsPerSecond);
        Instant lastCreate = due.minus(LAST_CREATE_BEFORE_DUE);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        concurrently(() -> {
            while (next.getAndIncrement() < size) {
                if (!Instant.now().isBefore(lastCreate)) {
                    late.incrementAndGet(); // it would be refused: an expiry must lie in the future
                    continue;
                }
                try {
                    target.create(endpoint, due, recipient);
                    created.incrementAndGet();
                } catch (Exception failure) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, failure.toString());
                }
            }
        }, Duration.between(Instant.now(), due).plusSeconds(60));
        double createSeconds = Duration.between(began, Instant.now()).toMillis() / 1000.0;
        if (firstError.get() != null) {
            Progress.say("  first failed create of the wave: %s", firstError.get());
        }
        if (late.get() > 0) {
            Progress.say("  %d of the wave's creates were not sent: they would have ended after the due time %s",
                    late.get(), due);
        }
        double seconds = secondsUntilNoneWaits(target, endpoint, recipient, due, drainLimit(size));
        return new WaveResult(database, target.system(), jobs, size, created.get(), failed.get(), late.get() == 0,
                createSeconds, seconds);
    }

    /**
     * Creates per second at the wave's concurrency, right now, on this server; after one create per
     * user, since a freshly started server's first requests are much slower than the rest.
     */
    private static double pilotRate(Target target, Http.Endpoint endpoint) throws InterruptedException {
        Instant due = Instant.now().plus(CreateHandoffs.EXPIRY);
        concurrently(() -> {
            try {
                target.create(endpoint, due, PILOT_RECIPIENT);
            } catch (Exception failure) {
                // the wave itself will show it
            }
        }, PILOT.plusSeconds(60));
        AtomicInteger created = new AtomicInteger();
        long began = System.nanoTime();
        long until = began + PILOT.toNanos();
        concurrently(() -> {
            while (System.nanoTime() < until) {
                try {
                    target.create(endpoint, due, PILOT_RECIPIENT);
                    created.incrementAndGet();
                } catch (Exception failure) {
                    return; // the wave itself will show it
                }
            }
        }, PILOT.plusSeconds(60));
        return created.get() / ((System.nanoTime() - began) / 1e9);
    }

    private static void concurrently(Runnable user, Duration limit) throws InterruptedException {
        ExecutorService users = Executors.newFixedThreadPool(Volumes.HIGH_CONCURRENCY);
        try {
            for (int i = 0; i < Volumes.HIGH_CONCURRENCY; i++) {
                users.execute(user);
            }
            users.shutdown();
            users.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            users.shutdownNow();
        }
    }

    /** The first whole second by which all creates will have ended, with room to spare. */
    static Instant dueSecond(Instant now, int size, double createsPerSecond) {
        double rate = createsPerSecond > 0 ? createsPerSecond : 10;
        long millis = (long) (size / rate * CREATE_TIME_FACTOR * 1000) + CREATE_MARGIN.toMillis();
        return now.plusMillis(millis).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** A generous bound, so that a wave that never drains fails the run instead of hanging it. */
    static Duration drainLimit(int size) {
        return Duration.ofSeconds(120).plusMillis(size * 100L);
    }

    private static double secondsUntilNoneWaits(Target target, Http.Endpoint endpoint, String recipient, Instant due,
                                                Duration limit) throws InterruptedException {
        long waitForDue = Duration.between(Instant.now(), due).toMillis();
        if (waitForDue > 0) {
            Thread.sleep(waitForDue);
        }
        Instant giveUp = due.plus(limit);
        while (Instant.now().isBefore(giveUp)) {
            Instant asked = Instant.now();
            try {
                if (target.waiting(endpoint, recipient) == 0) {
                    return Duration.between(due, asked).toMillis() / 1000.0;
                }
            } catch (Exception failure) {
                Progress.say("  polling the wave failed: %s", failure);
            }
            long rest = POLL.toMillis() - Duration.between(asked, Instant.now()).toMillis();
            if (rest > 0) {
                Thread.sleep(rest);
            }
        }
        return Double.NaN;
    }
}
