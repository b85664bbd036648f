package dev.handoff.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The two databases every system is measured on. */
enum DatabaseKind {
    HSQLDB("hsqldb", "embedded HSQLDB"),
    POSTGRES("postgres", "PostgreSQL");

    private final String option;
    private final String label;

    DatabaseKind(String option, String label) {
        this.option = option;
        this.label = label;
    }

    /** As written after {@code --db}. */
    String option() {
        return option;
    }

    /** As shown in the results. */
    String label() {
        return label;
    }

    static DatabaseKind fromOption(String option) {
        return Arrays.stream(values()).filter(kind -> kind.option.equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--db must be "
                        + Arrays.stream(values()).map(DatabaseKind::option).collect(Collectors.joining(", "))
                        + " or both: " + option));
    }
}
