package dev.handoff.bench.peer;

import dev.handoff.persistence.HandoffDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainerProvider;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The benchmark's references in one JVM, on Handoff's database settings and HTTP stack (Grizzly +
 * Jersey): the floor ({@code /floor}: one plain-JDBC row per request), the Camunda peer
 * ({@code /engine-rest}: Camunda's own REST API on a stock engine running the {@code peer_handoff} process)
 * and the engine floor ({@code /engine-floor}: that process moved through Camunda's Java API, nothing else).
 */
public final class PeerServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerServer.class);
    private static final String LISTENER = "peer";
    private static final String HOST = "0.0.0.0";
    /** How long running requests may take to finish on shutdown (Handoff's own default). */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final HandoffDatabase database;
    private final ProcessEngine engine;
    private final HttpServer http;

    private PeerServer(HandoffDatabase database, ProcessEngine engine, HttpServer http) {
        this.database = database;
        this.engine = engine;
        this.http = http;
    }

    public static void main(String[] args) throws InterruptedException {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        PeerServer server;
        try {
            server = start(PeerOptions.parse(args));
        } catch (IllegalArgumentException wrongArguments) {
            System.err.println(wrongArguments.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException | Error failure) {
            failure.printStackTrace();
            System.exit(1); // the engine's or the pool's threads may still be alive
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "peer-shutdown"));
        System.out.println("peer ready on port " + server.port());
        System.out.flush();
        stopped.await();
    }

    /** Opens the database, starts the engine and serves both references; returns once they answer. */
    public static PeerServer start(PeerOptions options) {
        // the same pool (HikariCP, 10 connections) and, when embedded, the same HSQLDB settings as Handoff's,
        // without Handoff's tables
        HandoffDatabase database = HandoffDatabase.open(options.database());
        try {
            DataSource dataSource = database.dataSource();
            FloorTable floor = FloorTable.on(dataSource);
            // on a new embedded database, the engine's schema is created with the log synced once, as Handoff's is
            ProcessEngine engine = database.creatingSchemas(() -> PeerEngine.start(dataSource, options.tunedEngine()));
            try {
                return new PeerServer(database, engine, http(options.port(), floor, engine));
            } catch (RuntimeException | Error failure) {
                engine.close();
                throw failure;
            }
        } catch (RuntimeException | Error failure) {
            database.close();
            throw failure;
        }
    }

    /** The port it listens on (the one chosen for port 0 included). */
    public int port() {
        return http.getListener(LISTENER).getPort();
    }

    /** The pool both references write through. */
    DataSource dataSource() {
        return database.dataSource();
    }

    /** Stops taking requests, lets running ones finish, stops the engine (and its job executor), closes the database. */
    @Override
    public void close() {
        try {
            http.shutdown(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    .get(SHUTDOWN_GRACE.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException late) {
            LOG.warn("Requests still running after {}; stopping anyway", SHUTDOWN_GRACE);
        }
        http.shutdownNow();
        engine.close();
        database.close(); // closes the pool, then SHUTDOWN for the embedded database
        LOG.info("Peer stopped");
    }

    private static HttpServer http(int port, FloorTable floor, ProcessEngine engine) {
        HttpServer server = new HttpServer();
        server.addListener(new NetworkListener(LISTENER, HOST, port));
        server.getServerConfiguration().addHttpHandler(container(floorApi(floor)), "/floor");
        server.getServerConfiguration().addHttpHandler(container(engineFloorApi(engine)), "/engine-floor");
        server.getServerConfiguration().addHttpHandler(container(camundaRestApi()), "/engine-rest");
        try {
            server.start();
        } catch (IOException cannotListen) {
            throw new IllegalStateException("cannot listen on port " + port + ": " + cannotListen.getMessage(),
                    cannotListen);
        }
        return server;
    }

    private static ResourceConfig floorApi(FloorTable floor) {
        return likeHandoffsApi(FloorResource.class, new FloorResource(floor));
    }

    private static ResourceConfig engineFloorApi(ProcessEngine engine) {
        return likeHandoffsApi(EngineFloorResource.class, new EngineFloorResource(engine));
    }

    /** Set up like Handoff's own API: nothing auto-discovered, no WADL, Jackson for JSON. */
    private static <R> ResourceConfig likeHandoffsApi(Class<R> type, R resource) {
        return new ResourceConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(JacksonFeature.class)
                .register(type)
                // bound rather than registered as an instance, which Jersey would warn about
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(resource).to(type);
                    }
                });
    }

    /** Camunda's standard REST resources, as its documentation embeds them in a JAX-RS application. */
    private static ResourceConfig camundaRestApi() {
        return new ResourceConfig()
                .registerClasses(CamundaRestResources.getResourceClasses())
                .registerClasses(CamundaRestResources.getConfigurationClasses());
    }

    private static GrizzlyHttpContainer container(ResourceConfig application) {
        return new GrizzlyHttpContainerProvider().createContainer(GrizzlyHttpContainer.class, application);
    }
}
