package dev.handoff.workflow;

import dev.handoff.domain.model.HandoffId;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The domain and the process each tell the other when a handoff moves. Whichever side moves first
 * marks the handoff on its thread while it calls the other side, so that the other side recognises
 * the echo of that move and does not repeat it: two doors, one outcome.
 */
final class Echoes {

    /** Marks a handoff that its own process is creating (a calling process, before the id exists). */
    private static final Object CREATION = new Object();

    private final ThreadLocal<Set<Object>> marked = ThreadLocal.withInitial(HashSet::new);

    <T> T whileMoving(HandoffId id, Supplier<T> work) {
        return whileMarked(id, work);
    }

    boolean isEchoOfMove(HandoffId id) {
        return marked.get().contains(id);
    }

    <T> T whileCreating(Supplier<T> work) {
        return whileMarked(CREATION, work);
    }

    boolean isEchoOfCreation() {
        return marked.get().contains(CREATION);
    }

    private <T> T whileMarked(Object mark, Supplier<T> work) {
        Set<Object> marks = marked.get();
        if (!marks.add(mark)) {
            return work.get();
        }
        try {
            return work.get();
        } finally {
            marks.remove(mark);
            if (marks.isEmpty()) {
                marked.remove();
            }
        }
    }
}
