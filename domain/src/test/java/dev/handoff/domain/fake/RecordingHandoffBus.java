package dev.handoff.domain.fake;

import dev.handoff.domain.model.HandoffEvent;
import dev.handoff.domain.port.out.HandoffBus;

import java.util.ArrayList;
import java.util.List;

/** Events published in committed transactions (rolled-back ones disappear with their transaction). */
public final class RecordingHandoffBus implements HandoffBus, Snapshotting {

    private List<HandoffEvent> events = new ArrayList<>();

    @Override
    public synchronized void publish(HandoffEvent event) {
        events.add(event);
    }

    public synchronized List<HandoffEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public synchronized Object snapshot() {
        return new ArrayList<>(events);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        events = new ArrayList<>((List<HandoffEvent>) snapshot);
    }
}
