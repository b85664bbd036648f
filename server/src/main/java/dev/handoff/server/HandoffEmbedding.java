package dev.handoff.server;

import dev.handoff.domain.port.out.HandoffProcess;
import dev.handoff.domain.service.HandoffApplication;
import dev.handoff.domain.service.HandoffSettings;
import dev.handoff.domain.service.Ports;
import dev.handoff.domain.service.UuidV7Ids;
import dev.handoff.persistence.HandoffPersistence;
import dev.handoff.workflow.HandoffEnginePlugin;
import dev.handoff.workflow.WorkflowSettings;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

import java.time.Clock;
import java.time.InstantSource;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Handoff inside a Camunda 7 engine a BPM team already runs: the handoff tables go into the
 * engine's own database (migrated on open), and {@link #plugin()} — added to the engine's
 * configuration before it is built — deploys the {@code handoff} process and makes the engine
 * share the domain's transactions. {@link #application()} is the Java API of the use cases.
 *
 * <pre>{@code
 * try (HandoffEmbedding handoffs = HandoffEmbedding.on(dataSource)) {
 *     StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
 *     configuration.setJobExecutorActivate(true);
 *     configuration.getProcessEnginePlugins().add(handoffs.plugin());
 *     ProcessEngine engine = configuration.buildProcessEngine();
 *     ...
 * }
 * }</pre>
 */
public final class HandoffEmbedding implements AutoCloseable {

    private final HandoffPersistence persistence;
    private final HandoffEnginePlugin plugin;
    private final HandoffApplication application;

    private HandoffEmbedding(HandoffPersistence persistence, HandoffEnginePlugin plugin,
                             HandoffApplication application) {
        this.persistence = persistence;
        this.plugin = plugin;
        this.application = application;
    }

    /** With the defaults: 24 h expiry, chains up to 10 deep, audit history kept 30 days. */
    public static HandoffEmbedding on(DataSource engineDataSource) {
        return on(engineDataSource, HandoffSettings.DEFAULTS, WorkflowSettings.DEFAULTS);
    }

    public static HandoffEmbedding on(DataSource engineDataSource, HandoffSettings handoffSettings,
                                      WorkflowSettings workflowSettings) {
        HandoffPersistence persistence = HandoffPersistence.on(engineDataSource);
        HandoffEnginePlugin plugin = new HandoffEnginePlugin(persistence.transactionBoundDataSource(),
                persistence.transactions(), workflowSettings);
        HandoffApplication application = application(persistence, plugin.handoffProcess(), handoffSettings);
        plugin.connect(application);
        return new HandoffEmbedding(persistence, plugin, application);
    }

    /** Wires the use cases to the database and the process: the one place ports meet adapters. */
    static HandoffApplication application(HandoffPersistence persistence, HandoffProcess process,
                                          HandoffSettings settings) {
        InstantSource clock = Clock.tickMillis(ZoneOffset.UTC); // what the database stores: milliseconds
        Ports ports = new Ports(persistence.handoffs(), persistence.handoffStates(), persistence.apiKeys(),
                persistence.idempotencyKeys(), process, persistence.bus(), persistence.transactions(),
                new UuidV7Ids(clock), clock);
        return new HandoffApplication(ports, settings);
    }

    /** Add to the engine's configuration before building it. */
    public ProcessEnginePlugin plugin() {
        return plugin;
    }

    /** The use cases: create, find, move and expire handoffs; handoff state; API keys. */
    public HandoffApplication application() {
        return application;
    }

    /** Releases the handoff side; the data source stays open. Close the engine first. */
    @Override
    public void close() {
        persistence.close();
    }
}
