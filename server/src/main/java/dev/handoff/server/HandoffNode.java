package dev.handoff.server;

import dev.handoff.domain.service.HandoffApplication;
import dev.handoff.domain.service.HandoffSettings;
import dev.handoff.persistence.HandoffPersistence;
import dev.handoff.persistence.PersistenceSettings;
import dev.handoff.rest.HandoffRestApi;
import dev.handoff.rest.RestSettings;
import dev.handoff.workflow.HandoffEnginePlugin;
import dev.handoff.workflow.WorkflowSettings;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http2.Http2AddOn;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainerProvider;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running Handoff node: the database, the Camunda engine with the handoff plugin, the use cases
 * and the HTTP server, wired together — the composition root.
 */
final class HandoffNode implements AutoCloseable {

    private final ServerSettings settings;
    private final HandoffPersistence persistence;
    private final ProcessEngine engine;
    private final HttpServer http;
    private final Optional<AdminAccess> admin;
    private final IdempotencyKeySweep idempotencySweep;

    private HandoffNode(ServerSettings settings, HandoffPersistence persistence, ProcessEngine engine, HttpServer http,
                        Optional<AdminAccess> admin, IdempotencyKeySweep idempotencySweep) {
        this.settings = settings;
        this.persistence = persistence;
        this.engine = engine;
        this.http = http;
        this.admin = admin;
        this.idempotencySweep = idempotencySweep;
    }

    static HandoffNode start(ServerSettings settings) {
        // the longest steps run side by side: Camunda's mapping is parsed while the database opens,
        // and the HTTP applications are put together while the engine is built
        StartSteps steps = new StartSteps();
        ExecutorService beside = Executors.newFixedThreadPool(2, HandoffNode::startThread);
        try {
            CompletableFuture<Optional<EngineMapping>> mapping = CompletableFuture.supplyAsync(() -> steps.time(
                    "engine mapping", () -> engineDatabaseType(settings).map(type -> EngineMapping.parse(type, ""))),
                    beside);
            HandoffPersistence persistence = steps.time("database",
                    () -> HandoffPersistence.open(persistenceSettings(settings)));
            try {
                HandoffEnginePlugin plugin = new HandoffEnginePlugin(persistence.transactionBoundDataSource(),
                        persistence.transactions(), workflowSettings(settings));
                HandoffApplication application = HandoffEmbedding.application(persistence, plugin.handoffProcess(),
                        new HandoffSettings(settings.defaultExpiry(), settings.maxChainDepth()));
                plugin.connect(application);
                Optional<AdminAccess> admin = settings.embedded()
                        ? Optional.of(AdminAccess.create(settings.dataDir())) : Optional.empty();
                CompletableFuture<ProcessEngine> built = new CompletableFuture<>();
                Readiness readiness = new Readiness(persistence.dataSource(), built);
                CompletableFuture<HttpServer> unstarted = CompletableFuture.supplyAsync(
                        () -> steps.time("HTTP applications", () -> http(settings, application, readiness, admin)),
                        beside);
                ProcessEngine engine = steps.time("engine",
                        () -> persistence.creatingSchemas(() -> engine(settings, plugin, mapping)));
                built.complete(engine);
                try {
                    HttpServer http = listen(unstarted.join(), settings);
                    admin.ifPresent(access -> access.publish(http.getListener("grizzly").getPort()));
                    log().info("Start steps: {}", steps);
                    if (!settings.embedded()) {
                        AutovacuumCheck.warnIfOff(persistence.dataSource(), log());
                    }
                    return new HandoffNode(settings, persistence, engine, http, admin,
                            IdempotencyKeySweep.start(application.forgetIdempotencyKeys(), settings.idempotencySweep()));
                } catch (RuntimeException | Error failure) {
                    engine.close();
                    throw unwrapped(failure);
                }
            } catch (RuntimeException | Error failure) {
                persistence.close();
                throw failure;
            }
        } finally {
            beside.shutdown();
        }
    }

    /**
     * Logging is set up on its first use (a fifth of a second): not as this class loads, so that a
     * start sets its longest step going first.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(HandoffNode.class);
    }

    /** The port the node listens on (the configured one, or the one chosen for port 0). */
    int port() {
        return http.getListener("grizzly").getPort();
    }

    /**
     * Stops taking requests, lets running ones finish, stops sweeping idempotency keys, stops the job
     * executor, closes the database.
     */
    @Override
    public void close() {
        log().info("Shutting down: finishing running requests (up to {})", settings.shutdownGrace());
        try {
            http.shutdown(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)
                    .get(settings.shutdownGrace().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException late) {
            log().warn("Requests still running after the grace period; stopping anyway");
        }
        http.shutdownNow();
        idempotencySweep.close();
        admin.ifPresent(AdminAccess::withdraw);
        engine.close();
        persistence.close();
        log().info("Stopped");
    }

    static PersistenceSettings persistenceSettings(ServerSettings settings) {
        PersistenceSettings database = settings.database()
                .map(external -> PersistenceSettings.postgres(external.url(), external.user(), external.password()))
                .orElseGet(() -> PersistenceSettings.embedded(settings.dataDir()));
        return database.withPool(settings.poolSize(), settings.connectionTimeout())
                .withSocketTimeout(settings.socketTimeout());
    }

    private static WorkflowSettings workflowSettings(ServerSettings settings) {
        WorkflowSettings.JobExecution jobs = switch (settings.jobsProfile()) {
            case TUNED -> new WorkflowSettings.JobExecution.Tuned(settings.jobsPerAcquisition(),
                    settings.jobThreads(), settings.jobWait(), settings.jobLockTime(), settings.jobsPerTransaction());
            case ENGINE_DEFAULTS -> WorkflowSettings.JobExecution.ENGINE_DEFAULTS;
        };
        return WorkflowSettings.DEFAULTS
                .withHistory(settings.historyLevel(), settings.historyTimeToLive())
                .withJobExecution(jobs);
    }

    private static ProcessEngine engine(ServerSettings settings, HandoffEnginePlugin plugin,
                                        CompletableFuture<Optional<EngineMapping>> mapping) {
        StandaloneProcessEngineConfiguration configuration = new NodeEngineConfiguration(mapping);
        configuration.setProcessEngineName("handoff");
        configuration.setJobExecutorActivate(true);
        configuration.getProcessEnginePlugins().add(plugin);
        configuration.getProcessEnginePlugins().add(new AbstractProcessEnginePlugin() {
            /** After init, whichever job executor the engine ended up with (the plugin's or Camunda's), before it starts. */
            @Override
            public void postInit(ProcessEngineConfigurationImpl engine) {
                engine.getJobExecutor().setLockOwner(settings.nodeName()); // tells in the job table which node holds a timer
            }
        });
        return configuration.buildProcessEngine();
    }

    /**
     * The database type Camunda will run with, known before the database opens: the plugin runs the
     * engine on HSQLDB as on PostgreSQL. Empty for any other database: the engine finds out itself.
     */
    private static Optional<String> engineDatabaseType(ServerSettings settings) {
        boolean postgres = settings.embedded() || persistenceSettings(settings).isPostgres();
        return postgres ? Optional.of("postgres") : Optional.empty();
    }

    /** The HTTP server with both applications mounted, not yet listening. */
    private static HttpServer http(ServerSettings settings, HandoffApplication application, Readiness readiness,
                                   Optional<AdminAccess> admin) {
        ResourceConfig api = HandoffRestApi.resourceConfig(application, RestSettings.forRegion(settings.region()));
        api.register(new RequestLog());
        HealthResource health = new HealthResource(readiness);
        api.register(HealthResource.class);
        api.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(health).to(HealthResource.class);
            }
        });
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("grizzly", settings.host(), settings.port());
        listener.registerAddOn(new Http2AddOn());
        server.addListener(listener);
        GrizzlyHttpContainer container = new GrizzlyHttpContainerProvider().createContainer(GrizzlyHttpContainer.class, api);
        server.getServerConfiguration().addHttpHandler(new WellFormedUris(container), "/");
        admin.ifPresent(access -> AdminKeysResource.mount(server, access, application.manageApiKeys()));
        return server;
    }

    private static HttpServer listen(HttpServer server, ServerSettings settings) {
        try {
            server.start();
        } catch (IOException cannotListen) {
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + cannotListen.getMessage(), cannotListen);
        }
        return server;
    }

    private static Thread startThread(Runnable task) {
        Thread thread = new Thread(task, "handoff-start");
        thread.setDaemon(true); // a failed start must not be kept alive by it
        return thread;
    }

    /** What failed on a start thread, as it was thrown there. */
    private static RuntimeException unwrapped(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
