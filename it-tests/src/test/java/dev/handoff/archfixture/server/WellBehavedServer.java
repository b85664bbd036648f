package dev.handoff.archfixture.server;

import dev.handoff.archfixture.persistence.WellBehavedPersistence;
import dev.handoff.archfixture.rest.WellBehavedRest;
import dev.handoff.archfixture.workflow.WorkflowAdapter;

/** The composition root may know every adapter. */
public class WellBehavedServer {

    public void start() {
        new WorkflowAdapter().signal();
        new WellBehavedRest().render(new WellBehavedPersistence().load());
    }
}
