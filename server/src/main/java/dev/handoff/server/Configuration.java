package dev.handoff.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings by name, from (strongest first) command-line flags, environment variables and a
 * properties file. A setting {@code handoff.db.url} is the environment variable {@code HANDOFF_DB_URL}.
 */
final class Configuration {

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Properties file;

    private Configuration(Map<String, String> flags, Map<String, String> environment, Properties file) {
        this.flags = Map.copyOf(flags);
        this.environment = Map.copyOf(environment);
        this.file = file;
    }

    /** {@code flags} use the setting names; the file is {@code handoff.config} from flags or environment. */
    static Configuration load(Map<String, String> flags, Map<String, String> environment) {
        Configuration withoutFile = new Configuration(flags, environment, new Properties());
        Properties file = new Properties();
        Optional<String> path = withoutFile.optional("handoff.config");
        if (path.isPresent()) {
            try (Reader reader = Files.newBufferedReader(Path.of(path.get()))) {
                file.load(reader);
            } catch (IOException unreadable) {
                throw new ConfigurationError("cannot read the configuration file " + path.get() + ": " + unreadable);
            }
        }
        return new Configuration(flags, environment, file);
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    Optional<String> optional(String key) {
        String value = flags.get(key);
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
    }

    String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    int integer(String key, int fallback, int min, int max) {
        return optional(key).map(text -> {
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    throw new ConfigurationError(describe(key) + " must be between " + min + " and " + max + ", was " + text);
                }
                return value;
            } catch (NumberFormatException notANumber) {
                throw new ConfigurationError(describe(key) + " must be a whole number, was " + text);
            }
        }).orElse(fallback);
    }

    /** ISO-8601 durations such as {@code PT24H} or {@code PT0.5S}. */
    Duration duration(String key, Duration fallback) {
        return optional(key).map(text -> {
            try {
                Duration value = Duration.parse(text);
                if (value.isNegative() || value.isZero()) {
                    throw new ConfigurationError(describe(key) + " must be positive, was " + text);
                }
                return value;
            } catch (DateTimeParseException notADuration) {
                throw new ConfigurationError(describe(key) + " must be an ISO-8601 duration such as PT24H, was " + text);
            }
        }).orElse(fallback);
    }

    /** A duration of whole seconds, for settings the JDBC driver takes in seconds. */
    Duration wholeSeconds(String key, Duration fallback) {
        Duration value = duration(key, fallback);
        if (value.toNanos() % 1_000_000_000L != 0) {
            throw new ConfigurationError(describe(key) + " must be whole seconds, such as PT30S, was " + value);
        }
        return value;
    }

    Map<String, String> flags() {
        return new HashMap<>(flags);
    }

    private static String describe(String key) {
        return key + " (" + environmentName(key) + ")";
    }

    /** A setting that cannot be used; the message says which and why. */
    static final class ConfigurationError extends RuntimeException {
        ConfigurationError(String message) {
            super(message);
        }
    }
}
