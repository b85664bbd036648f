package dev.handoff.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each rule, run over {@code dev.handoff.archfixture} — a miniature hexagon with one deliberate
 * violation per rule — reports exactly the offender it exists to catch, and nothing in the
 * well-behaved fixture classes.
 */
class RulesBiteTest {

    private static final String FIXTURES = "dev.handoff.archfixture";
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    static Stream<Arguments> rules_and_their_offenders() {
        return Stream.of(
                arguments("domain uses only java", rule(HexagonRules::domainUsesOnlyJava),
                        "domain.DomainUsingALibrary", "org.slf4j"),
                arguments("adapters do not depend on each other", rule(HexagonRules::adaptersDoNotDependOnEachOther),
                        "persistence.PersistenceCallingWorkflow", "workflow.WorkflowAdapter"),
                arguments("only the server wires adapters", rule(HexagonRules::onlyTheServerWiresAdapters),
                        "domain.DomainWiringAdapters", "wires adapters [persistence, workflow] together"),
                arguments("no package cycles", rule(HexagonRules::noPackageCycles),
                        "cycle.first.First", "cycle.second.Second"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules_and_their_offenders")
    void every_rule_reports_its_deliberate_offender(String name, ArchRule rule, String offender, String detail) {
        // when
        EvaluationResult result = rule.evaluate(FIXTURE_CLASSES);

        // then
        assertThat(result.hasViolation()).as(name + " must bite").isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains(FIXTURES + "." + offender).contains(detail);
        assertThat(result.getFailureReport().getDetails()).as("the well-behaved fixtures are never the offender")
                .noneMatch(line -> line.matches("^(Class |Method |Constructor |Field )?<?"
                        + Pattern.quote(FIXTURES) + "\\.[\\w.]*WellBehaved.*"));
    }

    private static ArchRule rule(Function<String, ArchRule> ofRoot) {
        return ofRoot.apply(FIXTURES);
    }
}
