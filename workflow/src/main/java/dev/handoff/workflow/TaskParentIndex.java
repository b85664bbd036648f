package dev.handoff.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * The index on {@code ACT_RU_TASK(PARENT_TASK_ID_)} that Camunda's schema lacks (design.md, trap 3),
 * which {@link HandoffEnginePlugin} adds, as an engine plugin of its own: without it, every task
 * that ends looks for its subtasks by reading the whole task table.
 */
public final class TaskParentIndex extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        EngineDatabase.of(engine).ensureIndex(EngineDatabase.TASK_PARENT);
    }
}
