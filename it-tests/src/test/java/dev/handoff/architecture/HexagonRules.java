package dev.handoff.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon's boundaries as rules over any root package, so that the same rules check the
 * product ({@code dev.handoff}) and the deliberately broken fixtures that prove they bite.
 */
final class HexagonRules {

    /** The driven and driving adapters, by their package under the root. */
    static final List<String> ADAPTERS = List.of("persistence", "workflow", "rest");

    private HexagonRules() {
    }

    static ArchRule domainUsesOnlyJava(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .because("the domain is plain Java: no framework, no adapter, no library");
    }

    static ArchRule adaptersDoNotDependOnEachOther(String root) {
        return slices().assignedFrom(adapterSlices(root))
                .should().notDependOnEachOther()
                .because("adapters plug into the domain's ports, never into each other");
    }

    static ArchRule onlyTheServerWiresAdapters(String root) {
        return classes().that().resideOutsideOfPackage(root + ".server..")
                .should(dependOnAtMostOneAdapter(root))
                .because("the server is the composition root: only it wires adapters together");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("package cycles make modules impossible to reason about one at a time");
    }

    private static SliceAssignment adapterSlices(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return adapterOf(root, javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return "adapters under " + root;
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnAtMostOneAdapter(String root) {
        return new ArchCondition<>("depend on at most one adapter") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Set<String> adapters = new TreeSet<>();
                adapterOf(root, javaClass).ifPresent(adapters::add);
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    adapterOf(root, dependency.getTargetClass()).ifPresent(adapters::add);
                }
                if (adapters.size() > 1) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            javaClass.getName() + " wires adapters " + adapters + " together"));
                }
            }
        };
    }

    private static Optional<String> adapterOf(String root, JavaClass javaClass) {
        return ADAPTERS.stream()
                .filter(adapter -> javaClass.getPackageName().equals(root + "." + adapter)
                        || javaClass.getPackageName().startsWith(root + "." + adapter + "."))
                .findFirst();
    }
}
