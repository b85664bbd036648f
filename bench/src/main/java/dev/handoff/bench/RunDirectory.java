package dev.handoff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code bench/target/bench-runs/<timestamp>/}: the systems' logs, kept; their data directories
 * under {@code data/}, deleted at the end of the run.
 */
final class RunDirectory {

    private final Path root;
    private final Path data;

    private RunDirectory(Path root) {
        this.root = root;
        this.data = root.resolve("data");
    }

    static RunDirectory create(Path home, String timestamp, Cleanup cleanup) {
        RunDirectory run = new RunDirectory(home.resolve("bench/target/bench-runs").resolve(timestamp));
        try {
            Files.createDirectories(run.data);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create " + run.root, failure);
        }
        cleanup.add("delete " + run.data, () -> deleteTree(run.data));
        return run;
    }

    Path root() {
        return root;
    }

    Path log(String name) {
        return root.resolve(name + ".log");
    }

    /** A new, empty data directory. */
    Path dataDirectory(String name) {
        Path directory = data.resolve(name);
        try {
            return Files.createDirectories(directory);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create " + directory, failure);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
