package dev.handoff.bench;

import java.util.Map;

/** The job-executor settings an expiry wave runs with: Handoff's own, or Camunda's defaults. */
enum JobSettings {
    OURS("Handoff's settings", "ours", Map.of()),
    ENGINE_DEFAULTS("Camunda's defaults", "engine-defaults", Map.of("HANDOFF_JOBS_PROFILE", "engine-defaults"));

    private final String label;
    private final String suffix;
    private final Map<String, String> serverSettings;

    JobSettings(String label, String suffix, Map<String, String> serverSettings) {
        this.label = label;
        this.suffix = suffix;
        this.serverSettings = serverSettings;
    }

    String label() {
        return label;
    }

    /** For the server's name and log file. */
    String suffix() {
        return suffix;
    }

    /** What {@code bin/handoff serve} is started with. */
    Map<String, String> serverSettings() {
        return serverSettings;
    }
}
