package dev.handoff.domain.fake;

import dev.handoff.domain.model.Handoff;
import dev.handoff.domain.model.HandoffId;
import dev.handoff.domain.model.Transition;
import dev.handoff.domain.port.out.HandoffProcess;

import java.util.ArrayList;
import java.util.List;

/** Remembers which processes were started and signalled; can be told to fail, to test rollback. */
public final class RecordingHandoffProcess implements HandoffProcess, Snapshotting {

    private List<HandoffId> started = new ArrayList<>();
    private List<Transition> signals = new ArrayList<>();
    private RuntimeException failure;

    @Override
    public synchronized void start(Handoff handoff) {
        failIfTold();
        started.add(handoff.id());
    }

    @Override
    public synchronized void signal(Transition transition) {
        failIfTold();
        signals.add(transition);
    }

    /** The next calls throw {@code failure} until {@link #recover()}. */
    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized void recover() {
        this.failure = null;
    }

    public synchronized List<HandoffId> started() {
        return List.copyOf(started);
    }

    public synchronized List<Transition> signals() {
        return List.copyOf(signals);
    }

    private void failIfTold() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized Object snapshot() {
        return List.of(new ArrayList<>(started), new ArrayList<>(signals));
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        List<List<?>> both = (List<List<?>>) snapshot;
        started = new ArrayList<>((List<HandoffId>) both.get(0));
        signals = new ArrayList<>((List<Transition>) both.get(1));
    }
}
