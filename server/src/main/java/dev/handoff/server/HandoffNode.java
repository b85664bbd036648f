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
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running Handoff node: the database, the Camunda engine with the handoff plugin, the use cases
 * and the HTTP server, wired together — the composition root.
 */
final class HandoffNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HandoffNode.class);

    private final ServerSettings settings;
    private final HandoffPersistence persistence;
    private final ProcessEngine engine;
    private final HttpServer http;
    private final Optional<AdminAccess> admin;

    private HandoffNode(ServerSettings settings, HandoffPersistence persistence, ProcessEngine engine, HttpServer http,
                        Optional<AdminAccess> admin) {
        this.settings = settings;
        this.persistence = persistence;
        this.engine = engine;
        this.http = http;
        this.admin = admin;
    }

    static HandoffNode start(ServerSettings settings) {
        HandoffPersistence persistence = HandoffPersistence.open(persistenceSettings(settings));
        try {
            HandoffEnginePlugin plugin = new HandoffEnginePlugin(persistence.transactionBoundDataSource(),
                    persistence.transactions(), workflowSettings(settings));
            HandoffApplication application = HandoffEmbedding.application(persistence, plugin.handoffProcess(),
                    new HandoffSettings(settings.defaultExpiry(), settings.maxChainDepth()));
            plugin.connect(application);
            ProcessEngine engine = engine(settings, plugin);
            try {
                Optional<AdminAccess> admin = settings.embedded()
                        ? Optional.of(AdminAccess.create(settings.dataDir())) : Optional.empty();
                HttpServer http = http(settings, application, persistence, engine, admin);
                admin.ifPresent(access -> access.publish(http.getListener("grizzly").getPort()));
                return new HandoffNode(settings, persistence, engine, http, admin);
            } catch (RuntimeException | Error failure) {
                engine.close();
                throw failure;
            }
        } catch (RuntimeException | Error failure) {
            persistence.close();
            throw failure;
        }
    }

    /** The port the node listens on (the configured one, or the one chosen for port 0). */
    int port() {
        return http.getListener("grizzly").getPort();
    }

    /** Stops taking requests, lets running ones finish, stops the job executor, closes the database. */
    @Override
    public void close() {
        LOG.info("Shutting down: finishing running requests (up to {})", settings.shutdownGrace());
        try {
            http.shutdown(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)
                    .get(settings.shutdownGrace().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException late) {
            LOG.warn("Requests still running after the grace period; stopping anyway");
        }
        http.shutdownNow();
        admin.ifPresent(AdminAccess::withdraw);
        engine.close();
        persistence.close();
        LOG.info("Stopped");
    }

    static PersistenceSettings persistenceSettings(ServerSettings settings) {
        PersistenceSettings database = settings.database()
                .map(external -> PersistenceSettings.postgres(external.url(), external.user(), external.password()))
                .orElseGet(() -> PersistenceSettings.embedded(settings.dataDir()));
        return database.withPool(settings.poolSize(), settings.connectionTimeout());
    }

    private static WorkflowSettings workflowSettings(ServerSettings settings) {
        return WorkflowSettings.DEFAULTS
                .withHistory(settings.historyLevel(), settings.historyTimeToLive())
                .withJobExecution(new WorkflowSettings.JobExecution(settings.jobsPerAcquisition(),
                        settings.jobThreads(), settings.jobWait(), settings.jobLockTime()));
    }

    private static ProcessEngine engine(ServerSettings settings, HandoffEnginePlugin plugin) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("handoff");
        configuration.setJobExecutorActivate(true);
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setLockOwner(settings.nodeName()); // tells in the job table which node holds a timer
        configuration.setJobExecutor(jobExecutor);
        configuration.getProcessEnginePlugins().add(plugin);
        return configuration.buildProcessEngine();
    }

    private static HttpServer http(ServerSettings settings, HandoffApplication application,
                                   HandoffPersistence persistence, ProcessEngine engine,
                                   Optional<AdminAccess> admin) {
        ResourceConfig api = HandoffRestApi.resourceConfig(application, RestSettings.forRegion(settings.region()));
        api.register(new RequestLog());
        HealthResource health = new HealthResource(new Readiness(persistence.dataSource(), engine));
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
        try {
            server.start();
        } catch (IOException cannotListen) {
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + cannotListen.getMessage(), cannotListen);
        }
        return server;
    }
}
