package dev.handoff.server;

import dev.handoff.persistence.PersistenceSettings;
import dev.handoff.workflow.WorkflowSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a node is configured with, read from {@link Configuration}. Defaults give the embedded
 * single node: HSQLDB under {@code ./data}, port 8080.
 *
 * @param database         PostgreSQL when {@code handoff.db.url} is set; the embedded HSQLDB otherwise
 * @param socketTimeout    how long a statement waits for PostgreSQL to answer before its connection is given up
 * @param idempotencySweep how often the node forgets the idempotency keys past their 24 hours
 */
record ServerSettings(
        int port,
        Path dataDir,
        Optional<ExternalDatabase> database,
        int poolSize,
        Duration connectionTimeout,
        Duration socketTimeout,
        String region,
        Duration defaultExpiry,
        int maxChainDepth,
        String nodeName,
        String historyLevel,
        Duration historyTimeToLive,
        int jobsPerAcquisition,
        int jobThreads,
        Duration jobWait,
        Duration jobLockTime,
        int jobsPerTransaction,
        JobsProfile jobsProfile,
        String host,
        Duration shutdownGrace,
        Duration idempotencySweep) {

    /** A database the node does not own: PostgreSQL, shared by every node of a cluster. */
    record ExternalDatabase(String url, String user, String password) {
        @Override
        public String toString() {
            return url + " as " + user; // never the password
        }
    }

    static ServerSettings from(Configuration config) {
        Optional<ExternalDatabase> database = config.optional("handoff.db.url").map(url -> new ExternalDatabase(url,
                config.string("handoff.db.user", "postgres"), config.string("handoff.db.password", "")));
        // the job executor's pace suits the database it fires timers on
        WorkflowSettings.JobExecution.Tuned pace = WorkflowSettings.JobExecution.Tuned.forDatabase(database.isEmpty());
        return new ServerSettings(
                config.integer("handoff.port", 8080, 0, 65_535),
                Path.of(config.string("handoff.data-dir", "data")),
                database,
                config.integer("handoff.db.pool-size", 10, 1, 500),
                config.duration("handoff.db.connection-timeout", Duration.ofSeconds(10)),
                config.wholeSeconds("handoff.db.socket-timeout", PersistenceSettings.DEFAULT_SOCKET_TIMEOUT),
                config.string("handoff.region", "local"),
                config.duration("handoff.expiry.default", Duration.ofHours(24)),
                config.integer("handoff.chain.max-depth", 10, 0, 1_000),
                config.string("handoff.node.name", defaultNodeName()),
                config.string("handoff.history.level", "audit"),
                config.duration("handoff.history.ttl", Duration.ofDays(30)),
                config.integer("handoff.jobs.per-acquisition", pace.maxJobsPerAcquisition(), 1, 1_000),
                config.integer("handoff.jobs.threads", pace.threads(), 1, 256),
                config.duration("handoff.jobs.wait", pace.idleWait()),
                config.duration("handoff.jobs.lock-time", pace.lockTime()),
                config.integer("handoff.jobs.per-transaction", pace.jobsPerTransaction(), 1, 1_000),
                JobsProfile.named(config.string(JobsProfile.KEY, JobsProfile.TUNED.wireName)),
                config.string("handoff.host", "0.0.0.0"),
                config.duration("handoff.shutdown.grace", Duration.ofSeconds(10)),
                config.duration("handoff.idempotency.sweep", Duration.ofHours(1)));
    }

    /**
     * Who sets the job executor's pace: Handoff, with the {@code handoff.jobs.*} settings, or
     * nobody: Camunda's job executor as Camunda ships it, which ignores them.
     */
    enum JobsProfile {
        TUNED("tuned"),
        ENGINE_DEFAULTS("engine-defaults");

        static final String KEY = "handoff.jobs.profile";

        final String wireName;

        JobsProfile(String wireName) {
            this.wireName = wireName;
        }

        static JobsProfile named(String name) {
            for (JobsProfile profile : values()) {
                if (profile.wireName.equals(name)) {
                    return profile;
                }
            }
            throw new Configuration.ConfigurationError(KEY + " (" + Configuration.environmentName(KEY)
                    + ") must be tuned or engine-defaults, was " + name);
        }
    }

    boolean embedded() {
        return database.isEmpty();
    }

    private static String defaultNodeName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException unknown) {
            return "node-" + ProcessHandle.current().pid();
        }
    }
}
