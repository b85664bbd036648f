package dev.handoff.bench;

/** What one measured operation is. */
enum ScenarioKind {
    CREATE("create"),
    LIFECYCLE("full lifecycle"),
    LIST("list"),
    STATE("handoff state");

    private final String label;

    ScenarioKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
