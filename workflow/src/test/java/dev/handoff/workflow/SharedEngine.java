package dev.handoff.workflow;

import dev.handoff.domain.model.Tenant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one engine for the whole test run (building one takes seconds): a fresh test
 * database with the persistence adapter, the application and an engine with the plugin, closed
 * when the run ends. Tests stay apart by giving each handoff a tenant of its own.
 */
final class SharedEngine implements BeforeAllCallback, ParameterResolver {

    /** The tenant of handoffs that a calling process creates without naming one. */
    static final Tenant DEFAULT_TENANT = new Tenant("default-account", "default-project");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedEngine.class);

    /** Opens it before the first test class needs it; when its database is absent, the class is skipped. */
    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EngineWorld.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context).world();
    }

    private static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class, key -> Shared.open(),
                Shared.class);
    }

    private record Shared(TestDatabase database, EngineWorld world) implements AutoCloseable {

        static Shared open() {
            TestDatabase database = TestDatabase.fresh();
            try {
                return new Shared(database, EngineWorld.open(database.settings(),
                        WorkflowSettings.DEFAULTS.withDefaultTenant(DEFAULT_TENANT)));
            } catch (RuntimeException | Error failure) {
                database.close();
                throw failure;
            }
        }

        @Override
        public void close() {
            try {
                world.close();
            } finally {
                database.close();
            }
        }
    }
}
