package dev.handoff.bench;

/** The systems compared. */
enum SystemKind {
    HANDOFF("Handoff"),
    FLOOR("floor"),
    PEER("Camunda peer");

    private final String label;

    SystemKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
