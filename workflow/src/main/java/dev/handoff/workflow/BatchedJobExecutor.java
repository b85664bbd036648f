package dev.handoff.workflow;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Camunda's job executor, except that it fires up to {@code jobsPerTransaction} of the jobs one
 * acquisition brought in one transaction instead of one transaction each: one commit and one flush
 * of the engine's writes (sent as JDBC batches) for all of them, which is most of what a timer
 * costs once the job is found.
 *
 * <p>The jobs of a group succeed or fail together. When one of them fails, the whole group is
 * rolled back and fired again the way Camunda fires jobs, each in a transaction of its own, so
 * that only the failing job loses a retry or raises an incident, exactly as without groups.
 */
final class BatchedJobExecutor extends DefaultJobExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchedJobExecutor.class);

    private final int jobsPerTransaction;

    BatchedJobExecutor(int jobsPerTransaction) {
        if (jobsPerTransaction < 2) {
            throw new IllegalArgumentException("a group needs room for two jobs at least: " + jobsPerTransaction);
        }
        this.jobsPerTransaction = jobsPerTransaction;
    }

    @Override
    protected void ensureInitialization() {
        super.ensureInitialization();
        acquireJobsRunnable = new SequentialJobAcquisitionRunnable(this) {
            @Override
            protected void executeJobs(JobAcquisitionContext context, ProcessEngineImpl engine, AcquiredJobs acquired) {
                // grouped once the acquisition committed: the jobs other nodes locked first are gone by then
                super.executeJobs(context, engine, grouped(acquired, jobsPerTransaction));
            }
        };
    }

    @Override
    public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl engine) {
        if (jobIds.size() < 2) {
            return super.getExecuteJobsRunnable(jobIds, engine);
        }
        return () -> {
            if (!isActive() || !firedTogether(jobIds, engine)) {
                // Camunda's own way: a transaction each, or the jobs unlocked when the executor stops
                new ExecuteJobsRunnable(jobIds, engine).run();
            }
        };
    }

    /**
     * The acquired jobs in groups of at most {@code limit}; the jobs Camunda acquired as one batch
     * (the exclusive jobs of one process instance) stay in one group, whatever its size.
     */
    static AcquiredJobs grouped(AcquiredJobs acquired, int limit) {
        AcquiredJobs groups = new AcquiredJobs(acquired.getNumberOfJobsAttemptedToAcquire());
        List<String> group = new ArrayList<>();
        for (List<String> batch : acquired.getJobIdBatches()) {
            if (!group.isEmpty() && group.size() + batch.size() > limit) {
                groups.addJobIdBatch(group);
                group = new ArrayList<>();
            }
            group.addAll(batch);
        }
        if (!group.isEmpty()) {
            groups.addJobIdBatch(group);
        }
        return groups;
    }

    /** Whether the jobs fired and committed together; on false nothing of them was written. */
    private boolean firedTogether(List<String> jobIds, ProcessEngineImpl engine) {
        ProcessEngineConfigurationImpl configuration = engine.getProcessEngineConfiguration();
        JobExecutorContext context = new JobExecutorContext();
        Context.setJobExecutorContext(context);
        try {
            configuration.getCommandExecutorTxRequired().execute(commandContext -> {
                for (String jobId : jobIds) {
                    new ExecuteJobsCmd(jobId, new JobFailureCollector(jobId)).execute(commandContext);
                }
                return null;
            });
        } catch (RuntimeException failure) {
            LOG.debug("a group of {} jobs failed; firing them one by one", jobIds.size(), failure);
            return false;
        } finally {
            Context.removeJobExecutorContext();
        }
        if (configuration.isMetricsEnabled()) {
            configuration.getMetricsRegistry().markOccurrence(Metrics.JOB_SUCCESSFUL, jobIds.size());
        }
        List<String> followUps = context.getCurrentProcessorJobQueue();
        if (!followUps.isEmpty()) {
            // exclusive jobs the group's processes reached meanwhile, which Camunda runs right after
            new ExecuteJobsRunnable(List.copyOf(followUps), engine).run();
        }
        jobWasAdded();
        return true;
    }
}
