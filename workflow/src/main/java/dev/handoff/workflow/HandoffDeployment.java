package dev.handoff.workflow;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Deploys the handoff process with the configured history time to live. Deploying an unchanged
 * process again is filtered out, so a restart does not add a version; a changed time to live does.
 *
 * <p>With the time to live written in {@value HandoffEnginePlugin#BPMN_RESOURCE} (the default) the
 * file is deployed as it is. Only another time to live needs Camunda's BPMN model to rewrite it,
 * whose first use in a process (schemas compiled, document validated and written again) took a
 * third of a second at every start, on the path to serving. For the same reason a restart finds the
 * deployed definition without a definition query, which reads the BPMN into that model for its
 * documentation.
 */
final class HandoffDeployment {

    static final String DEPLOYMENT_NAME = "handoff";
    /** The history time to live {@value HandoffEnginePlugin#BPMN_RESOURCE} is written with, in days. */
    static final long WRITTEN_HISTORY_TIME_TO_LIVE_DAYS = 30;

    private final Duration historyTimeToLive;

    HandoffDeployment(Duration historyTimeToLive) {
        this.historyTimeToLive = historyTimeToLive;
    }

    /** Deploys the process unless it is there as it is, and returns the id of its definition. */
    String deployTo(ProcessEngineConfigurationImpl engine) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("HandoffEnginePlugin")
                .enableDuplicateFiltering(false);
        if (historyTimeToLive.toDays() == WRITTEN_HISTORY_TIME_TO_LIVE_DAYS) {
            try (InputStream asWritten = bpmn()) {
                deployment.addInputStream(HandoffEnginePlugin.BPMN_RESOURCE, asWritten);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        } else {
            deployment.addModelInstance(HandoffEnginePlugin.BPMN_RESOURCE, modelWithTimeToLive());
        }
        List<ProcessDefinition> deployed = deployment.deployWithResult().getDeployedProcessDefinitions();
        if (deployed != null && !deployed.isEmpty()) {
            return deployed.get(0).getId();
        }
        // filtered out as a duplicate of the latest deployment, whose definition is the latest version;
        // parsed into the engine's deployment cache here, as a deployment does, not at the first create
        return engine.getCommandExecutorTxRequired().execute(command -> command.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedLatestProcessDefinitionByKey(HandoffEnginePlugin.PROCESS_KEY)
                .getId());
    }

    private BpmnModelInstance modelWithTimeToLive() {
        try (InputStream bpmn = bpmn()) {
            BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
            Process process = model.getModelElementById(HandoffEnginePlugin.PROCESS_KEY);
            process.setCamundaHistoryTimeToLiveString(String.valueOf(historyTimeToLive.toDays()));
            return model;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static InputStream bpmn() {
        InputStream bpmn = HandoffDeployment.class.getClassLoader().getResourceAsStream(HandoffEnginePlugin.BPMN_RESOURCE);
        if (bpmn == null) {
            throw new IllegalStateException("the handoff process is missing from the class path: "
                    + HandoffEnginePlugin.BPMN_RESOURCE);
        }
        return bpmn;
    }
}
