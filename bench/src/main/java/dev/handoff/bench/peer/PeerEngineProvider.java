package dev.handoff.bench.peer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;

import java.util.Set;

/**
 * Hands Camunda's REST API the engines this JVM built. Found through
 * {@code META-INF/services/org.camunda.bpm.engine.rest.spi.ProcessEngineProvider}; every engine
 * registers itself in Camunda's {@link ProcessEngines} when it is built.
 */
public final class PeerEngineProvider implements ProcessEngineProvider {

    @Override
    public ProcessEngine getDefaultProcessEngine() {
        return ProcessEngines.getDefaultProcessEngine(false);
    }

    @Override
    public ProcessEngine getProcessEngine(String name) {
        return ProcessEngines.getProcessEngine(name, false);
    }

    @Override
    public Set<String> getProcessEngineNames() {
        return Set.copyOf(ProcessEngines.getProcessEngines().keySet());
    }
}
