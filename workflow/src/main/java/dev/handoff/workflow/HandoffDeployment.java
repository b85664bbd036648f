package dev.handoff.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Deploys the handoff process with the configured history time to live. Deploying an unchanged
 * process again is filtered out, so a restart does not add a version; a changed time to live does.
 */
final class HandoffDeployment {

    static final String DEPLOYMENT_NAME = "handoff";

    private final Duration historyTimeToLive;

    HandoffDeployment(Duration historyTimeToLive) {
        this.historyTimeToLive = historyTimeToLive;
    }

    void deployTo(RepositoryService repository) {
        BpmnModelInstance model = model();
        Process process = model.getModelElementById(HandoffEnginePlugin.PROCESS_KEY);
        process.setCamundaHistoryTimeToLiveString(String.valueOf(historyTimeToLive.toDays()));
        repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("HandoffEnginePlugin")
                .addModelInstance(HandoffEnginePlugin.BPMN_RESOURCE, model)
                .enableDuplicateFiltering(false)
                .deploy();
    }

    private static BpmnModelInstance model() {
        try (InputStream bpmn = HandoffDeployment.class.getClassLoader()
                .getResourceAsStream(HandoffEnginePlugin.BPMN_RESOURCE)) {
            if (bpmn == null) {
                throw new IllegalStateException("the handoff process is missing from the class path: "
                        + HandoffEnginePlugin.BPMN_RESOURCE);
            }
            return Bpmn.readModelFromStream(bpmn);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
