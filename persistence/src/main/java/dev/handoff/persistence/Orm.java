package dev.handoff.persistence;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import java.util.List;
import javax.sql.DataSource;

/** Boots Hibernate on the pool: entities registered here, schema validated against the migrations. */
final class Orm {

    static final List<Class<?>> ENTITIES = List.of(HandoffEntity.class, HandoffStateEntity.class, ApiKeyEntity.class,
            IdempotencyKeyEntity.class, HandoffEventEntity.class);

    private Orm() {
    }

    static SessionFactory sessionFactory(DataSource pool) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                // Flyway owns the schema; Hibernate only checks that the mapping matches it
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException failure) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw failure;
        }
    }
}
