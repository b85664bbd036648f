package dev.handoff.archfixture.persistence;

import dev.handoff.archfixture.workflow.WorkflowAdapter;

/** Breaks "adapters do not depend on each other". */
public class PersistenceCallingWorkflow {

    public void save() {
        new WorkflowAdapter().signal();
    }
}
