package dev.handoff.server;

import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The node's engine configuration: Camunda's standalone one, except that it takes Camunda's
 * MyBatis mapping already parsed ({@link EngineMapping}) instead of parsing it again. When the
 * mapping does not fit what the engine settled on (the plugin chooses the database type) or could
 * not be parsed, the engine parses its own, as Camunda always does.
 */
final class NodeEngineConfiguration extends StandaloneProcessEngineConfiguration {

    private final CompletableFuture<Optional<EngineMapping>> mapping;

    NodeEngineConfiguration(CompletableFuture<Optional<EngineMapping>> mapping) {
        this.mapping = mapping;
    }

    @Override
    protected void initSqlSessionFactory() {
        Optional<EngineMapping> fitting = parsedAhead()
                .filter(parsed -> parsed.fits(databaseType, databaseTablePrefix));
        if (sqlSessionFactory != null || isUseSharedSqlSessionFactory || fitting.isEmpty()) {
            super.initSqlSessionFactory();
            return;
        }
        sqlSessionFactory = fitting.get().sessionFactory(transactionFactory, dataSource, jdbcStatementTimeout,
                isJdbcBatchProcessing());
    }

    private Optional<EngineMapping> parsedAhead() {
        try {
            return mapping.join();
        } catch (CompletionException | CancellationException failed) {
            return Optional.empty(); // Camunda's own parse reports what is wrong, in its words
        }
    }
}
