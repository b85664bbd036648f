package dev.handoff.bench;

import java.nio.file.Path;

/** The Java this load generator runs on, which the systems under test run on too. */
final class Java {

    private Java() {
    }

    static Path executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static String description() {
        return System.getProperty("java.vm.name") + " " + Runtime.version();
    }
}
