package dev.handoff.server;

import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineMappingTest {

    @Test
    void the_mapping_parsed_ahead_holds_what_camundas_own_parse_with_the_jdks_xpath_holds() {
        // given Camunda's own parse, with the JDK's XPath
        Configuration camundas = withTheJdksXPath(() -> new CamundasOwnParse().parse("postgres"));

        // when
        Configuration ahead = EngineMapping.parse("postgres", "").configuration();

        // then
        assertThat(ahead.getMappedStatementNames()).hasSizeGreaterThan(1_000)
                .containsExactlyInAnyOrderElementsOf(camundas.getMappedStatementNames());
        assertThat(ahead.getResultMapNames()).containsExactlyInAnyOrderElementsOf(camundas.getResultMapNames());
        assertThat(ahead.getSqlFragments().keySet()).containsExactlyInAnyOrderElementsOf(
                camundas.getSqlFragments().keySet());
        assertThat(ahead.getKeyGeneratorNames()).containsExactlyInAnyOrderElementsOf(camundas.getKeyGeneratorNames());
        assertThat(ahead.getVariables()).isEqualTo(camundas.getVariables());
        assertThat(ahead.isLazyLoadingEnabled()).isEqualTo(camundas.isLazyLoadingEnabled());
        assertThat(statements(ahead)).isEqualTo(statements(camundas));
    }

    @Test
    void it_fits_only_the_database_type_and_table_prefix_it_was_parsed_for_and_serves_one_engine() {
        // given
        EngineMapping mapping = EngineMapping.parse("postgres", "");

        // then
        assertThat(mapping.fits("postgres", "")).isTrue();
        assertThat(mapping.fits("h2", "")).isFalse();
        assertThat(mapping.fits("postgres", "camunda.")).isFalse();

        // when it serves an engine
        JDBCDataSource dataSource = new JDBCDataSource();
        mapping.sessionFactory(new ManagedTransactionFactory(), dataSource, 30, true);

        // then
        assertThat(mapping.configuration().getEnvironment().getDataSource()).isSameAs(dataSource);
        assertThat(mapping.configuration().getDefaultStatementTimeout()).isEqualTo(30);
        assertThatThrownBy(() -> mapping.sessionFactory(new ManagedTransactionFactory(), dataSource, null, true))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Per statement: what it does, what it returns, its key generator and, when static, its SQL. */
    private static Map<String, String> statements(Configuration configuration) {
        Map<String, String> statements = new TreeMap<>();
        for (Object each : configuration.getMappedStatements()) {
            if (each instanceof MappedStatement statement) {
                SqlSource source = statement.getSqlSource();
                String sql = source instanceof RawSqlSource ? source.getBoundSql(null).getSql() : "dynamic";
                statements.put(statement.getId(), statement.getSqlCommandType() + " " + statement.getStatementType()
                        + " " + statement.getKeyGenerator().getClass().getSimpleName()
                        + " " + statement.getResultMaps().stream().map(ResultMap::getId).collect(Collectors.joining(","))
                        + " " + source.getClass().getSimpleName() + " " + sql);
            }
        }
        return statements;
    }

    private static <T> T withTheJdksXPath(Supplier<T> work) {
        String chosen = System.getProperty(ChildElementXPathFactory.PROPERTY);
        System.clearProperty(ChildElementXPathFactory.PROPERTY);
        try {
            return work.get();
        } finally {
            if (chosen != null) {
                System.setProperty(ChildElementXPathFactory.PROPERTY, chosen);
            }
        }
    }

    /** The parse Camunda runs when it builds an engine, on a data source it never opens. */
    private static final class CamundasOwnParse extends StandaloneProcessEngineConfiguration {

        Configuration parse(String type) {
            setDatabaseType(type);
            setDataSource(new JDBCDataSource());
            transactionFactory = new ManagedTransactionFactory();
            initSqlSessionFactory();
            return sqlSessionFactory.getConfiguration();
        }
    }
}
