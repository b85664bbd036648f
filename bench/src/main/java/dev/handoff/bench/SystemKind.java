package dev.handoff.bench;

/** The systems compared. */
enum SystemKind {
    HANDOFF("Handoff"),
    FLOOR("floor"),
    /** Camunda's Java API moving the peer's process, one transaction a request, with nothing else. */
    ENGINE_FLOOR("engine floor"),
    PEER("Camunda peer");

    private final String label;

    SystemKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
