package dev.handoff.archfixture.workflow;

public class WorkflowAdapter {

    public void signal() {
        // a stand-in for an engine call
    }
}
