package dev.handoff.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

import java.util.regex.Pattern;

/** The product's classes: neither test classes nor test-jars (the domain's shared fakes live in one). */
final class ProductionClassesOnly implements ImportOption {

    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");
    private static final ImportOption TEST_CLASSES = new DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return TEST_CLASSES.includes(location) && !location.matches(TEST_JAR);
    }
}
