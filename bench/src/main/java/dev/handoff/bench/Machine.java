package dev.handoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a run measured on, for the results' header. */
record Machine(int cores, String memory, String operatingSystem, String java) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), installedMemory(), runningSystem(),
                Java.description());
    }

    String describe() {
        return cores + " cores, " + memory + " RAM, " + operatingSystem + ", Java " + java;
    }

    private static String installedMemory() {
        return lines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:")).findFirst()
                .flatMap(line -> ResidentMemory.kilobytes(List.of(line), "MemTotal").stream().boxed().findFirst())
                .map(kb -> String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    private static String runningSystem() {
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return lines(Path.of("/etc/os-release")).stream().filter(line -> line.startsWith("PRETTY_NAME="))
                .findFirst().map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", "") + " (" + kernel
                        + ")")
                .orElse(kernel);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }
}
