package dev.handoff.server;

import dev.handoff.domain.model.DomainException;
import dev.handoff.domain.model.Unavailable;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code bin/handoff}: {@code serve} and {@code keys create|list|revoke}. */
public final class Main {

    static final String USAGE = """
            Usage: bin/handoff <command> [options]

            Commands:
              serve                 run the server (HTTP API, Camunda engine, database)
              keys create           issue an API key (printed alone on the last line)
              keys list             list API keys (never their secrets)
              keys revoke KEY_ID    revoke an API key
              prepare               build what is missing and record the class-data archive that
                                    makes starts faster (else the first serve after a build does)
              bench [--quick]       measure Handoff beside its references (docs/benchmarks.md)

            Run 'bin/handoff <command> --help' for its options.
            """;

    static final String SERVE_USAGE = """
            Usage: bin/handoff serve [--port N] [--data-dir D] [--config FILE]

            Runs Handoff on the embedded database under D (default ./data) and port N (default 8080),
            or on PostgreSQL when handoff.db.url is set. Every option is also a setting of the
            configuration file and an environment variable (handoff.port = HANDOFF_PORT):

              handoff.port, handoff.host, handoff.data-dir, handoff.config,
              handoff.db.url, handoff.db.user, handoff.db.password, handoff.db.pool-size,
              handoff.db.connection-timeout, handoff.db.socket-timeout, handoff.region,
              handoff.expiry.default, handoff.chain.max-depth, handoff.node.name,
              handoff.history.level, handoff.history.ttl,
              handoff.jobs.per-acquisition, handoff.jobs.threads, handoff.jobs.wait,
              handoff.jobs.lock-time, handoff.jobs.per-transaction, handoff.jobs.profile,
              handoff.shutdown.grace, handoff.idempotency.sweep

            Durations are ISO-8601 (PT24H, PT0.5S). See README.md.
            """;

    static final String KEYS_USAGE = """
            Usage:
              bin/handoff keys create --account A --project P [--region R] [--scopes S,S] [--data-dir D]
              bin/handoff keys list [--data-dir D]
              bin/handoff keys revoke KEY_ID [--data-dir D]

            The region defaults to the server's (handoff.region, default "local"); scopes default to all of
            handoffs:read, handoffs:write, handoff_state:read, handoff_state:write. When a server runs on
            the same data directory, the command goes through it; otherwise it opens the database itself.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        routeJavaUtilLogging();
        int code;
        try {
            code = run(args, System.getenv(), System.out, System.err);
        } catch (Throwable broken) {
            // exit even when engine or pool threads are still alive
            broken.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    /** Jersey and Grizzly log through java.util.logging: their lines go to SLF4J like everyone's. */
    static void routeJavaUtilLogging() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** Runs one command; returns the process exit code. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            CommandLine line = CommandLine.parse(args);
            switch (line.word(0)) {
                case "serve" -> {
                    if (line.help()) {
                        out.print(SERVE_USAGE);
                        return 0;
                    }
                    return Serve.run(settings(line.allowing(Set.of("port", "data-dir", "config")), environment), out);
                }
                case "keys" -> {
                    if (line.help()) {
                        out.print(KEYS_USAGE);
                        return 0;
                    }
                    return Keys.run(line, settings(line.allowing(Keys.OPTIONS), environment), out);
                }
                default -> {
                    if (line.word(0).isEmpty()) {
                        (line.help() ? out : err).print(USAGE);
                        return line.help() ? 0 : 2;
                    }
                    err.print("Unknown command '" + line.word(0) + "'.\n\n" + USAGE);
                    return 2;
                }
            }
        } catch (Unavailable unavailable) {
            err.println("handoff: " + unavailable.getMessage());
            return 1;
        } catch (CommandLine.UsageError | Configuration.ConfigurationError | DomainException wrong) {
            err.println("handoff: " + wrong.getMessage());
            return 2;
        } catch (RuntimeException failure) {
            err.println("handoff: " + failure.getMessage());
            return 1;
        }
    }

    private static ServerSettings settings(CommandLine line, Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>();
        line.flags().forEach((name, value) -> {
            switch (name) {
                case "port" -> flags.put("handoff.port", value);
                case "data-dir" -> flags.put("handoff.data-dir", value);
                case "config" -> flags.put("handoff.config", value);
                default -> { } // command options, not settings
            }
        });
        return ServerSettings.from(Configuration.load(flags, environment));
    }
}
