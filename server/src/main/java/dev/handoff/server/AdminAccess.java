package dev.handoff.server;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * How {@code bin/handoff keys} reaches a server running on the same embedded data directory (whose
 * database admits one process at a time): the server writes its port and a one-off token to a file
 * only its owner can read, and removes it when it stops.
 */
final class AdminAccess {

    static final String FILE_NAME = "admin.properties";

    private final Path file;
    private final String token;
    private final int port;

    private AdminAccess(Path file, String token, int port) {
        this.file = file;
        this.token = token;
        this.port = port;
    }

    /** A fresh token for a server starting on {@code dataDir}; {@link #publish} makes it findable. */
    static AdminAccess create(Path dataDir) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new AdminAccess(dataDir.resolve(FILE_NAME), HexFormat.of().formatHex(secret), -1);
    }

    /** The access a running server published on {@code dataDir}, if any. */
    static Optional<AdminAccess> find(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new AdminAccess(file, properties.getProperty("token"),
                    Integer.parseInt(properties.getProperty("port"))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    void publish(int listeningPort) {
        Properties properties = new Properties();
        properties.setProperty("port", Integer.toString(listeningPort));
        properties.setProperty("token", token);
        try {
            Path draft = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(draft);
            Files.createFile(draft, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(draft, StandardCharsets.UTF_8)) {
                properties.store(writer, "where bin/handoff keys finds this server; removed when it stops");
            }
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file, failure);
        }
    }

    void withdraw() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is harmless: keys commands fall back when nobody answers
        }
    }

    int port() {
        return port;
    }

    String token() {
        return token;
    }

    boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
