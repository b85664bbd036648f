package dev.handoff.workflow;

import dev.handoff.domain.port.out.Transactions;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The outermost step of the engine's command chains: every engine command runs in one of the
 * domain's units of work. A command called inside a use case joins the use case's unit; a command
 * with no unit around it (a job-executor thread, an engine service called on its own) gets one of
 * its own. The engine itself never commits: it is told its transactions are managed outside it.
 */
final class UnitOfWorkInterceptor extends CommandInterceptor {

    private final Transactions transactions;
    private final boolean requiresNew;

    private UnitOfWorkInterceptor(Transactions transactions, boolean requiresNew) {
        this.transactions = transactions;
        this.requiresNew = requiresNew;
    }

    /** For the engine's "transaction required" chain. */
    static UnitOfWorkInterceptor joiningOrBeginning(Transactions transactions) {
        return new UnitOfWorkInterceptor(transactions, false);
    }

    /** For the engine's "requires new" chain: the caller's unit is suspended meanwhile. */
    static UnitOfWorkInterceptor beginningNew(Transactions transactions) {
        return new UnitOfWorkInterceptor(transactions, true);
    }

    @Override
    public <T> T execute(Command<T> command) {
        return requiresNew
                ? transactions.inNewTransaction(() -> next.execute(command))
                : transactions.inTransaction(() -> next.execute(command));
    }
}
