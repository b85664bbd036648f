package dev.handoff.archfixture.domain;

import dev.handoff.archfixture.persistence.WellBehavedPersistence;
import dev.handoff.archfixture.workflow.WorkflowAdapter;

/** Breaks "only the server wires adapters": it knows two adapters. */
public class DomainWiringAdapters {

    public Object wire() {
        return new Object[] {new WellBehavedPersistence(), new WorkflowAdapter()};
    }
}
