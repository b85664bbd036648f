package dev.handoff.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The product's own classes (every module; tests and test-jars excluded) keep the hexagon's boundaries. */
@AnalyzeClasses(packages = "dev.handoff", importOptions = ProductionClassesOnly.class)
class ArchitectureTest {

    private static final String PRODUCT = "dev.handoff";

    @ArchTest
    static final ArchRule domain_uses_only_java = HexagonRules.domainUsesOnlyJava(PRODUCT);

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = HexagonRules.adaptersDoNotDependOnEachOther(PRODUCT);

    @ArchTest
    static final ArchRule only_the_server_wires_adapters = HexagonRules.onlyTheServerWiresAdapters(PRODUCT);

    @ArchTest
    static final ArchRule no_package_cycles = HexagonRules.noPackageCycles(PRODUCT);
}
