package dev.relmap.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How relmap's packages may depend on each other. A mapping package is a leaf a reader copies
 * whole, so it reaches only {@code java}, {@code jakarta} and Hibernate; the SPI and the kit
 * reach no other relmap package; nothing depends in a circle, in the library or in its tests.
 */
class LayeringTest {

    /** The pattern packages, each a leaf: a variant is a subpackage of its pattern. */
    static final List<String> MAPPING_PACKAGES = List.of(
            "dev.relmap.onetomany",
            "dev.relmap.manytomany.link",
            "dev.relmap.manytomany.enrollment",
            "dev.relmap.selfreferencing.category",
            "dev.relmap.selfreferencing.employee",
            "dev.relmap.onetoone.foreignkey",
            "dev.relmap.onetoone.sharedkey",
            "dev.relmap.polymorphic.exclusivearc",
            "dev.relmap.polymorphic.supertype",
            "dev.relmap.polymorphic.any");

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.relmap");

    static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.relmap");

    static final JavaClasses ALL = new ClassFileImporter().importPackages("dev.relmap");

    @Nested
    @DisplayName("in the library")
    class Library {

        @Test
        @DisplayName("a mapping package reaches only java, jakarta, Hibernate and itself")
        void mappingPackagesAreLeaves() {
            classes().that().resideInAnyPackage(MAPPING_PACKAGES.toArray(String[]::new))
                    .should(dependOnlyOnTheirOwnPackageAnd("java", "jakarta", "org.hibernate"))
                    .check(MAIN);
        }

        @Test
        @DisplayName("the SPI (dev.relmap.pattern) reaches no other relmap package")
        void theSpiIsALeaf() {
            classes().that().resideInAPackage("dev.relmap.pattern")
                    .should(dependOnlyOnTheirOwnPackageAnd("java", "jakarta"))
                    .check(MAIN);
        }

        @Test
        @DisplayName("the kit (dev.relmap.sqlcount) reaches no other relmap package")
        void theKitStandsAlone() {
            noClasses().that().resideInAPackage("dev.relmap.sqlcount..")
                    .should().dependOnClassesThat(relmapOutside("dev.relmap.sqlcount.."))
                    .check(MAIN);
        }

        @Test
        @DisplayName("the bootstrap reaches only the kit")
        void theBootstrapReachesOnlyTheKit() {
            noClasses().that().resideInAPackage("dev.relmap.bootstrap..")
                    .should().dependOnClassesThat(relmapOutside("dev.relmap.bootstrap..", "dev.relmap.sqlcount.."))
                    .check(MAIN);
        }

        @Test
        @DisplayName("no mapping package, the SPI, the kit or the bootstrap reaches the catalog or the tour")
        void onlyTheTourAndCatalogSitOnTop() {
            noClasses().that().resideOutsideOfPackages("dev.relmap.catalog..", "dev.relmap.tour..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.relmap.catalog..", "dev.relmap.tour..")
                    .check(MAIN);
        }

        @Test
        @DisplayName("no two packages depend on each other in a circle")
        void hasNoCycles() {
            slices().matching("dev.relmap.(**)").should().beFreeOfCycles().check(MAIN);
        }
    }

    @Nested
    @DisplayName("in the tests")
    class Tests {

        @Test
        @DisplayName("no two packages depend on each other in a circle, a package's tests counted apart from it")
        void hasNoCycles() {
            slices().assignedFrom(PACKAGE_OR_ITS_TESTS).should().beFreeOfCycles().check(ALL);
        }

        @Test
        @DisplayName("a pattern's tests reach no other pattern's package, nor the benchmarks or the tour")
        void patternTestsStayInTheirPattern() {
            for (String mapping : MAPPING_PACKAGES) {
                List<String> others = MAPPING_PACKAGES.stream().filter(p -> !p.equals(mapping)).toList();
                noClasses().that().resideInAPackage(mapping)
                        .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                        .orShould().dependOnClassesThat().resideInAnyPackage("dev.relmap.bench..", "dev.relmap.tour..")
                        .check(TESTS);
            }
        }
    }

    /**
     * A package's library classes are one slice, its test classes another: the kit's tests open a
     * unit with the bootstrap, which wraps its pool with the kit, and that is no circle.
     */
    private static final SliceAssignment PACKAGE_OR_ITS_TESTS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String packageName = javaClass.getPackageName();
            if (!packageName.startsWith("dev.relmap")) {
                return SliceIdentifier.ignore();
            }
            boolean test = javaClass.getSource()
                    .map(source -> source.getUri().toString().contains("/test-classes/"))
                    .orElse(false);
            return SliceIdentifier.of(packageName + (test ? " (tests)" : ""));
        }

        @Override
        public String getDescription() {
            return "relmap's packages, each package's tests apart from it";
        }
    };

    /** A relmap class outside {@code packages}. */
    private static DescribedPredicate<JavaClass> relmapOutside(String... packages) {
        return JavaClass.Predicates.resideInAPackage("dev.relmap..")
                .and(JavaClass.Predicates.resideOutsideOfPackages(packages))
                .as("relmap classes outside " + String.join(", ", packages));
    }

    /** Every dependency of a class is on its own package or under one of {@code prefixes}. */
    private static ArchCondition<JavaClass> dependOnlyOnTheirOwnPackageAnd(String... prefixes) {
        return new ArchCondition<>("depend only on their own package and " + String.join(", ", prefixes)) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String packageName = target.getPackageName();
                    boolean allowed = target.isPrimitive()
                            || packageName.equals(origin.getPackageName())
                            || List.of(prefixes).stream().anyMatch(p -> packageName.equals(p) || packageName.startsWith(p + "."));
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
