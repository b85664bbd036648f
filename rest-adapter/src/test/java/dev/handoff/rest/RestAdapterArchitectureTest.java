package dev.handoff.rest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.handoff.rest.fixture.StrayPublicResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter keeps to its side of the hexagon and shows the rest of the system a single door;
 * each rule is also shown to catch a deliberate violation.
 */
class RestAdapterArchitectureTest {

    static final ArchRule ONE_PUBLIC_ENTRY_POINT = classes()
            .that().doNotHaveSimpleName("HandoffRestApi").and().doNotHaveSimpleName("RestSettings")
            .should().notHaveModifier(JavaModifier.PUBLIC)
            .because("the server wires the adapter through HandoffRestApi alone");

    static final ArchRule USE_CASES_ONLY = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.handoff.domain.port.out..", "dev.handoff.persistence..",
                    "dev.handoff.workflow..", "dev.handoff.server..")
            .because("adapters never depend on each other, and a driving adapter never on driven ports");

    private static JavaClasses adapter;
    private static JavaClasses violations;

    @BeforeAll
    static void importClasses() {
        adapter = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handoff.rest");
        violations = new ClassFileImporter().importClasses(StrayPublicResource.class);
    }

    @Test
    void only_the_entry_point_and_its_settings_are_public() {
        assertThat(adapter).isNotEmpty();
        ONE_PUBLIC_ENTRY_POINT.check(adapter);
        assertThat(ONE_PUBLIC_ENTRY_POINT.evaluate(violations).hasViolation()).isTrue();
    }

    @Test
    void the_adapter_reaches_the_domain_through_its_use_cases_only() {
        USE_CASES_ONLY.check(adapter);
        assertThat(USE_CASES_ONLY.evaluate(violations).hasViolation()).isTrue();
    }
}
