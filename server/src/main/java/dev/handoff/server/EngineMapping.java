package dev.handoff.server;

import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.apache.ibatis.transaction.TransactionFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Camunda's MyBatis mapping (the engine's SQL, some fifty XML files), parsed before the engine is
 * built. Parsing it is the largest single step of a start, about half of what the main thread does,
 * and it depends on nothing but the database type and the table prefix; so a node parses it on
 * another thread while its database opens, and {@link NodeEngineConfiguration} takes it.
 *
 * <p>The parse is Camunda's own ({@code ProcessEngineConfigurationImpl.initSqlSessionFactory}): the
 * same mapping file and properties; only the environment (transactions, data source) is attached
 * afterwards, which MyBatis reads when it opens sessions, not while it parses. It runs with
 * {@link ChildElementXPathFactory}, which takes a fifth off it.
 */
final class EngineMapping {

    private final String databaseType;
    private final String tablePrefix;
    private final Configuration configuration;
    private final AtomicBoolean taken = new AtomicBoolean();

    private EngineMapping(String databaseType, String tablePrefix, Configuration configuration) {
        this.databaseType = databaseType;
        this.tablePrefix = tablePrefix;
        this.configuration = configuration;
    }

    static EngineMapping parse(String databaseType, String tablePrefix) {
        ChildElementXPathFactory.install(); // MyBatis finds its XPath through JAXP; see there why
        Properties properties = new Properties();
        properties.put("prefix", tablePrefix);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
        try (InputStream mapping = ReflectUtil.getResourceAsStream(
                ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
             Reader reader = new InputStreamReader(mapping, StandardCharsets.UTF_8)) {
            return new EngineMapping(databaseType, tablePrefix, new XMLConfigBuilder(reader, "", properties).parse());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The parsed mapping: Camunda's statements, result maps and SQL fragments. */
    Configuration configuration() {
        return configuration;
    }

    /** Whether it was parsed for the database type and table prefix the engine has settled on. */
    boolean fits(String engineDatabaseType, String engineTablePrefix) {
        return databaseType.equals(engineDatabaseType) && tablePrefix.equals(engineTablePrefix);
    }

    /**
     * The session factory Camunda would have built, on the engine's transactions and data source.
     * One engine only: a MyBatis configuration holds its engine's environment.
     */
    SqlSessionFactory sessionFactory(TransactionFactory transactions, DataSource dataSource, Integer statementTimeout,
                                     boolean batchProcessing) {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException("this mapping already serves an engine");
        }
        configuration.setEnvironment(new Environment("default", transactions, dataSource));
        configuration.setDefaultStatementTimeout(statementTimeout);
        if (batchProcessing) {
            configuration.setDefaultExecutorType(ExecutorType.BATCH);
        }
        return new DefaultSqlSessionFactory(configuration);
    }
}
