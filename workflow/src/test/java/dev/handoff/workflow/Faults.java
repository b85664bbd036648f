package dev.handoff.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for tests: a parse listener that puts a listener on the start and the end of
 * every task and end event; armed for an activity and event, it throws there, inside the engine
 * command, after whatever the activity wrote.
 */
final class Faults extends AbstractBpmnParseListener {

    private final Map<String, Armed> armed = new ConcurrentHashMap<>();
    private final AtomicInteger injected = new AtomicInteger();

    /** The next {@code times} passes through {@code event} ("start" or "end") of {@code activityId} fail. */
    void failAt(String activityId, String event, int times) {
        armed.put(activityId + ":" + event, new Armed(new AtomicInteger(times), null));
    }

    /** As {@link #failAt}, failing the way a lost database connection does: SQLState 08006 below the fault. */
    void loseConnectionAt(String activityId, String event, int times) {
        armed.put(activityId + ":" + event, new Armed(new AtomicInteger(times),
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    }

    /** Disarms every fault and forgets how many were injected. */
    void heal() {
        armed.clear();
        injected.set(0);
    }

    int injected() {
        return injected.get();
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        watch(activity);
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        watch(activity);
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        watch(activity);
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        watch(activity);
    }

    private void watch(ActivityImpl activity) {
        for (String event : new String[] {ExecutionListener.EVENTNAME_START, ExecutionListener.EVENTNAME_END}) {
            activity.addListener(event, (ExecutionListener) execution -> failIfArmed(execution, event));
        }
    }

    private void failIfArmed(DelegateExecution execution, String event) {
        Armed fault = armed.get(execution.getCurrentActivityId() + ":" + event);
        if (fault != null && fault.remaining().getAndDecrement() > 0) {
            injected.incrementAndGet();
            throw new InjectedFault("injected fault at " + event + " of " + execution.getCurrentActivityId(),
                    fault.cause());
        }
    }

    /** How many more times to fail, and what the fault is caused by (null for a plain fault). */
    private record Armed(AtomicInteger remaining, SQLException cause) {
    }

    /** What an armed fault throws. */
    static final class InjectedFault extends RuntimeException {
        InjectedFault(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
