package dev.handoff.persistence;

import dev.handoff.testing.PostgresDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The repository contract, run against each database the product supports. */
class RepositoryContractTest {

    /** The embedded default: an HSQLDB file database in a fresh directory. */
    @Nested
    class HsqldbContract extends RepositoryContract {

        @TempDir
        static Path dataDir;

        @Override
        PersistenceSettings createDatabase() {
            return PersistenceSettings.embedded(dataDir);
        }

        @Override
        void dropDatabase() {
            // the directory goes with the test
        }
    }

    /** Production: a fresh database on the local PostgreSQL, dropped afterwards. */
    @Nested
    class PostgresContract extends RepositoryContract {

        private PostgresDatabase database;

        @Override
        PersistenceSettings createDatabase() {
            database = PostgresDatabase.create();
            return PersistenceSettings.postgres(database.url(), database.user(), "");
        }

        @Override
        void dropDatabase() {
            if (database != null) {
                database.close();
            }
        }
    }
}
