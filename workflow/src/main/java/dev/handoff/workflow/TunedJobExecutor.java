package dev.handoff.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.CallerRunsRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import java.util.Objects;

/**
 * The job executor's pace that {@link HandoffEnginePlugin} sets on the tuned profile, as an engine
 * plugin of its own: an engine without handoffs (the benchmark's Camunda peer, or a BPM team's
 * other processes) can run its timers the same way. An engine that has no job executor yet gets
 * one that fires the jobs of a round in groups ({@link BatchedJobExecutor}); one the engine was
 * given keeps firing a job per transaction, paced the same.
 */
public final class TunedJobExecutor extends AbstractProcessEnginePlugin {

    private final WorkflowSettings.JobExecution.Tuned pace;

    public TunedJobExecutor(WorkflowSettings.JobExecution.Tuned pace) {
        this.pace = Objects.requireNonNull(pace, "pace");
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor == null) {
            jobExecutor = pace.jobsPerTransaction() > 1
                    ? new BatchedJobExecutor(pace.jobsPerTransaction())
                    : new DefaultJobExecutor();
            configuration.setJobExecutor(jobExecutor);
        }
        jobExecutor.setMaxJobsPerAcquisition(pace.maxJobsPerAcquisition());
        jobExecutor.setWaitTimeInMillis(Math.toIntExact(pace.idleWait().toMillis()));
        // Camunda doubles an idle node's wait up to a minute by default, so a timer coming due on a
        // quiet node fired up to 60 s late; the wait stays at idleWait instead
        jobExecutor.setMaxWait(pace.idleWait().toMillis());
        jobExecutor.setLockTimeInMillis(Math.toIntExact(pace.lockTime().toMillis()));
        // when the threads and their queue are full, Camunda hands the jobs back to the acquisition
        // thread, which submits them again at once, fails again and meanwhile locks more: measured
        // 35 rejections and a fresh acquisition query for every timer of a wave. Running a rejected
        // job on the acquisition thread instead holds acquisition back until there is room.
        jobExecutor.setRejectedJobsHandler(new CallerRunsRejectedJobsHandler());
        // every job gets a due date and acquisition takes the earliest due first, so the query is a
        // range read of the due-date index instead of a scan of every open handoff's timer
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);
        if (jobExecutor instanceof DefaultJobExecutor pool) {
            pool.setCorePoolSize(pace.threads());
            pool.setMaxPoolSize(pace.threads());
            pool.setQueueSize(pace.maxJobsPerAcquisition()); // room for what one acquisition brings
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        prepareDueDates(engine, EngineDatabase.of(engine));
    }

    /**
     * The due-date index acquisition reads, and, when the engine dates every job, a due date for
     * the jobs written before it did.
     */
    static void prepareDueDates(ProcessEngine engine, EngineDatabase database) {
        database.ensureIndex(EngineDatabase.JOB_DUE_DATE);
        if (((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnsureJobDueDateNotNull()) {
            database.dateUndatedJobs();
        }
    }
}
