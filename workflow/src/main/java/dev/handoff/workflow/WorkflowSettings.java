package dev.handoff.workflow;

import dev.handoff.domain.model.Tenant;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the plugin sets up the engine it is added to.
 *
 * @param historyLevel      Camunda's history level: {@code none}, {@code activity}, {@code audit} or {@code full}
 * @param historyTimeToLive how long the history of a finished handoff process is kept (whole days)
 * @param cleanupWindow     when the engine's history cleanup runs; empty leaves the engine's own setting alone
 * @param jobExecution      how timers are fetched and fired
 * @param defaultTenant     the tenant of handoffs a calling process creates without {@code accountId}/{@code projectId}
 * @param approverGroup     the candidate group of every approval task, besides the recipient as candidate user
 */
public record WorkflowSettings(String historyLevel, Duration historyTimeToLive, Optional<CleanupWindow> cleanupWindow,
                               JobExecution jobExecution, Optional<Tenant> defaultTenant, String approverGroup) {

    private static final Set<String> HISTORY_LEVELS = Set.of("none", "activity", "audit", "full");

    /**
     * Audit history kept 30 days, cleaned up at night; timers fetched 30 at a time by 4 threads
     * (design.md, trap 4) and fired 8 to a transaction; no default tenant; approvers in the group
     * {@code handoff-approvers}.
     */
    public static final WorkflowSettings DEFAULTS = new WorkflowSettings("audit", Duration.ofDays(30),
            Optional.of(new CleanupWindow(LocalTime.of(1, 0), LocalTime.of(5, 0))), JobExecution.TUNED,
            Optional.empty(), "handoff-approvers");

    public WorkflowSettings {
        Objects.requireNonNull(historyLevel, "historyLevel");
        Objects.requireNonNull(historyTimeToLive, "historyTimeToLive");
        Objects.requireNonNull(cleanupWindow, "cleanupWindow");
        Objects.requireNonNull(jobExecution, "jobExecution");
        Objects.requireNonNull(defaultTenant, "defaultTenant");
        Objects.requireNonNull(approverGroup, "approverGroup");
        if (!HISTORY_LEVELS.contains(historyLevel)) {
            throw new IllegalArgumentException("history level must be one of " + HISTORY_LEVELS + ": " + historyLevel);
        }
        if (historyTimeToLive.isNegative() || !historyTimeToLive.equals(Duration.ofDays(historyTimeToLive.toDays()))) {
            throw new IllegalArgumentException("history time to live must be whole days: " + historyTimeToLive);
        }
        if (approverGroup.isBlank()) {
            throw new IllegalArgumentException("the approver group needs a name");
        }
    }

    public WorkflowSettings withHistory(String level, Duration timeToLive) {
        return new WorkflowSettings(level, timeToLive, cleanupWindow, jobExecution, defaultTenant, approverGroup);
    }

    public WorkflowSettings withCleanupWindow(Optional<CleanupWindow> window) {
        return new WorkflowSettings(historyLevel, historyTimeToLive, window, jobExecution, defaultTenant, approverGroup);
    }

    public WorkflowSettings withJobExecution(JobExecution execution) {
        return new WorkflowSettings(historyLevel, historyTimeToLive, cleanupWindow, execution, defaultTenant,
                approverGroup);
    }

    public WorkflowSettings withDefaultTenant(Tenant tenant) {
        return new WorkflowSettings(historyLevel, historyTimeToLive, cleanupWindow, jobExecution,
                Optional.of(tenant), approverGroup);
    }

    /** The daily window in which Camunda's history cleanup deletes what outlived its time to live. */
    public record CleanupWindow(LocalTime start, LocalTime end) {
        public CleanupWindow {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    /**
     * How timers are fetched and fired: at Handoff's own pace ({@link Tuned}), or by Camunda's job
     * executor exactly as Camunda ships it ({@link EngineDefaults}), which the plugin then leaves alone.
     */
    public sealed interface JobExecution permits JobExecution.Tuned, JobExecution.EngineDefaults {

        /** Handoff's pace, the default. */
        JobExecution TUNED = Tuned.DEFAULTS;
        /** Camunda's own: 3 jobs per acquisition, 3 to 10 threads, a 5 s wait that doubles up to 60 s when idle. */
        JobExecution ENGINE_DEFAULTS = new EngineDefaults();

        /**
         * The job executor's pace, set by the plugin. When the threads and their queue are full,
         * the acquisition thread runs the job itself instead of acquiring more (no idle wait that
         * grows, no resubmission loop).
         *
         * @param maxJobsPerAcquisition jobs locked per acquisition round
         * @param threads               threads that execute jobs
         * @param idleWait              wait after an acquisition that found nothing to do
         * @param lockTime              how long a node owns a job it acquired (another node retries it after that)
         * @param jobsPerTransaction    acquired jobs fired together in one transaction; 1 is Camunda's way, one each
         */
        record Tuned(int maxJobsPerAcquisition, int threads, Duration idleWait, Duration lockTime,
                     int jobsPerTransaction) implements JobExecution {

            /** For PostgreSQL, shared by a cluster's nodes: four threads overlap each other's round trips. */
            public static final Tuned DEFAULTS = new Tuned(30, 4, Duration.ofMillis(500), Duration.ofMinutes(5), 8);

            /**
             * For the embedded HSQLDB, whose work runs on the engine's own cores behind one row-cache
             * lock: two threads and larger groups, so that fewer threads wait on it and fewer commits
             * are made. Measured with the workflow module's expiry wave of 10,000 on HSQLDB
             * (architecture.md, "timers per transaction").
             */
            public static final Tuned EMBEDDED = new Tuned(60, 2, Duration.ofMillis(500), Duration.ofMinutes(5), 30);

            /** {@link #EMBEDDED} for an engine on the embedded HSQLDB, {@link #DEFAULTS} on PostgreSQL. */
            public static Tuned forDatabase(boolean embedded) {
                return embedded ? EMBEDDED : DEFAULTS;
            }

            public Tuned {
                Objects.requireNonNull(idleWait, "idleWait");
                Objects.requireNonNull(lockTime, "lockTime");
                if (maxJobsPerAcquisition < 1 || threads < 1 || jobsPerTransaction < 1) {
                    throw new IllegalArgumentException("the job executor needs at least one job per acquisition, "
                            + "one thread and one job per transaction: " + maxJobsPerAcquisition + ", " + threads
                            + ", " + jobsPerTransaction);
                }
                if (idleWait.isNegative() || idleWait.isZero() || lockTime.isNegative() || lockTime.isZero()) {
                    throw new IllegalArgumentException("idle wait and lock time must be positive: " + idleWait
                            + ", " + lockTime);
                }
            }
        }

        /** Camunda's job executor as Camunda ships it: the plugin changes nothing about it. */
        record EngineDefaults() implements JobExecution {
        }
    }
}
