package dev.handoff.domain.fake;

import dev.handoff.domain.model.HandoffState;
import dev.handoff.domain.model.Tenant;
import dev.handoff.domain.port.out.HandoffStates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class InMemoryHandoffStates implements HandoffStates, Snapshotting {

    private List<HandoffState> writes = new ArrayList<>();

    @Override
    public synchronized void put(HandoffState state) {
        writes.add(state);
    }

    @Override
    public synchronized Optional<HandoffState> byConversationId(Tenant tenant, String conversationId) {
        return latest(tenant, state -> state.conversationId().equals(conversationId));
    }

    @Override
    public synchronized Optional<HandoffState> bySharedId(Tenant tenant, String sharedId) {
        return latest(tenant, state -> state.sharedId().filter(sharedId::equals).isPresent());
    }

    private Optional<HandoffState> latest(Tenant tenant, java.util.function.Predicate<HandoffState> match) {
        for (int i = writes.size() - 1; i >= 0; i--) {
            HandoffState state = writes.get(i);
            if (state.tenant().equals(tenant) && match.test(state)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    public synchronized int size() {
        return writes.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new ArrayList<>(writes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        writes = new ArrayList<>((List<HandoffState>) snapshot);
    }
}
