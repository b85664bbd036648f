package dev.handoff.server;

import dev.handoff.domain.port.in.ForgetIdempotencyKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forgets the idempotency keys past their 24 hours, on a thread of its own: first a minute after the
 * node starts (sooner when the interval is shorter), then once every interval. Every node of a
 * cluster sweeps; a key two nodes both reach is deleted once, and the other finds nothing.
 */
final class IdempotencyKeySweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeySweep.class);
    private static final Duration FIRST_AFTER_AT_MOST = Duration.ofMinutes(1);

    private final ScheduledExecutorService thread;
    private final ForgetIdempotencyKeys forget;
    private final Duration interval;

    private IdempotencyKeySweep(ForgetIdempotencyKeys forget, Duration interval) {
        this.forget = forget;
        this.interval = interval;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread sweeper = new Thread(runnable, "handoff-idempotency-sweep");
            sweeper.setDaemon(true);
            return sweeper;
        });
    }

    static IdempotencyKeySweep start(ForgetIdempotencyKeys forget, Duration interval) {
        IdempotencyKeySweep sweep = new IdempotencyKeySweep(forget, interval);
        long first = Math.min(interval.toMillis(), FIRST_AFTER_AT_MOST.toMillis());
        sweep.thread.scheduleWithFixedDelay(sweep::sweepOnce, first, interval.toMillis(), TimeUnit.MILLISECONDS);
        return sweep;
    }

    private void sweepOnce() {
        try {
            int forgotten = forget.forgetExpired();
            if (forgotten > 0) {
                LOG.info("Forgot {} idempotency keys past their 24 hours", forgotten);
            }
        } catch (RuntimeException failure) {
            // a database outage or a lost race with another node: the next sweep takes what is left
            LOG.warn("Forgetting idempotency keys failed; trying again in {}", interval, failure);
        }
    }

    /** Stops sweeping; a sweep under way is interrupted between its batches at the latest. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
