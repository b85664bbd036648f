/**
 * The workflow adapter: a Camunda 7 engine plugin ({@link dev.handoff.workflow.HandoffEnginePlugin}, the only
 * entry point, configured by {@link dev.handoff.workflow.WorkflowSettings}) that runs the {@code handoff} BPMN
 * process beside every handoff, in the same database transaction as the domain's rows. Here live the
 * domain's {@code HandoffProcess} port on the engine, the process's service tasks (which only translate
 * process variables to use-case calls and back) and what the engine needs from the database. Nothing here
 * knows the persistence adapter: it is given a transaction-bound data source and the domain's
 * {@code Transactions}.
 */
package dev.handoff.workflow;
