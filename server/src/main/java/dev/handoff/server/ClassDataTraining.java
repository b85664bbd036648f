package dev.handoff.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training start {@code bin/handoff} records a class-data archive from (run with
 * {@code -XX:ArchiveClassesAtExit}): a node on the embedded database in a scratch directory, asked
 * for {@code /health} once and stopped, so that the archive holds the classes a start loads. Later
 * starts map them from the archive instead of loading, verifying and linking them one by one.
 * Whatever the caller's settings, it never touches a real database.
 */
final class ClassDataTraining {

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        Main.routeJavaUtilLogging();
        Path scratch = Files.createTempDirectory("handoff-training");
        int code = 1;
        try {
            train(scratch);
            code = 0;
        } finally {
            deleteRecursively(scratch);
        }
        System.exit(code); // the archive is written as the JVM exits
    }

    static void train(Path scratch) throws IOException {
        ServerSettings settings = ServerSettings.from(Configuration.load(Map.of(
                "handoff.data-dir", scratch.resolve("data").toString(),
                "handoff.port", "0",
                "handoff.host", "127.0.0.1"), Map.of()));
        try (HandoffNode node = HandoffNode.start(settings)) {
            int status = get(node.port(), "/health");
            if (status != 200) {
                throw new IllegalStateException("the training node answered /health with " + status);
            }
        }
    }

    private static int get(int port, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        try (InputStream body = connection.getResponseCode() < 400
                ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            });
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
