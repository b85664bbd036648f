package dev.handoff.bench.peer;

import dev.handoff.persistence.PersistenceSettings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The peer's command line: {@code --port N --db embedded:DIR|postgres:JDBC_URL [--db-user U] [--db-password P]
 * [--engine defaults|tuned]}. The database settings are Handoff's own, so that both references run on
 * what Handoff runs on. {@code tuned} gives the engine Handoff's job-executor pace, task index
 * and history removal settings (for the peer's expiry wave); Camunda's defaults otherwise.
 */
public record PeerOptions(int port, PersistenceSettings database, boolean tunedEngine) {

    static final String USAGE = "Usage: PeerServer --port N --db embedded:DIR|postgres:JDBC_URL"
            + " [--db-user USER] [--db-password PASSWORD] [--engine defaults|tuned]";

    private static final String EMBEDDED = "embedded:";
    private static final String POSTGRES = "postgres:";
    private static final Set<String> OPTIONS = Set.of("--port", "--db", "--db-user", "--db-password", "--engine");

    public static PeerOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'. " + USAGE);
            }
            values.put(args[i], args[i + 1]);
        }
        if (!values.containsKey("--port") || !values.containsKey("--db")) {
            throw new IllegalArgumentException("--port and --db are required. " + USAGE);
        }
        return new PeerOptions(port(values.get("--port")), database(values.get("--db"),
                values.getOrDefault("--db-user", "postgres"), values.getOrDefault("--db-password", "")),
                tuned(values.getOrDefault("--engine", "defaults")));
    }

    private static boolean tuned(String engine) {
        return switch (engine) {
            case "tuned" -> true;
            case "defaults" -> false;
            default -> throw new IllegalArgumentException("--engine must be defaults or tuned: " + engine);
        };
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a port number (0 chooses a free one): " + text);
    }

    private static PersistenceSettings database(String spec, String user, String password) {
        if (spec.startsWith(EMBEDDED) && spec.length() > EMBEDDED.length()) {
            return PersistenceSettings.embedded(Path.of(spec.substring(EMBEDDED.length())));
        }
        if (spec.startsWith(POSTGRES + "jdbc:postgresql:")) {
            return PersistenceSettings.postgres(spec.substring(POSTGRES.length()), user, password);
        }
        throw new IllegalArgumentException("--db must be embedded:DIR or postgres:jdbc:postgresql://...: " + spec);
    }
}
