package dev.relmap.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.relmap.layering.LayeringTest.MAIN;
import static dev.relmap.layering.LayeringTest.MAPPING_PACKAGES;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes every pattern package carries a copy of, because a package is copied whole
 * ({@code Require}, {@code UnknownIdException}, {@code Constraints}, {@code DuplicateKeyException}),
 * and the one shape of the exceptions they throw (see docs/errors.md). A copy that drifts, a copy
 * nothing uses, or an exception outside the hierarchy fails here by package and class.
 */
class SupportClassesTest {

    /** In every mapping package: each checks its arguments and looks rows up by id. */
    static final List<String> EVERYWHERE = List.of("Require", "UnknownIdException");

    /** Only where a constraint violation is translated, or a key can be taken. */
    static final List<String> WHERE_USED = List.of("Constraints", "DuplicateKeyException");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Require", "UnknownIdException", "Constraints", "DuplicateKeyException"})
    @DisplayName("each support class is the same in every package that has it, but for the package line")
    void copiesAreIdentical(String simpleName) throws IOException {
        List<String> copies = MAPPING_PACKAGES.stream().filter(p -> Files.exists(source(p, simpleName))).toList();
        assertThat(copies).as(simpleName + " copies").hasSizeGreaterThan(1);
        String first = withoutPackageLine(copies.get(0), simpleName);

        List<String> drifted = new ArrayList<>();
        for (String other : copies.subList(1, copies.size())) {
            String text = withoutPackageLine(other, simpleName);
            if (!text.equals(first)) {
                List<String> a = first.lines().toList();
                List<String> b = text.lines().toList();
                int line = firstDifference(a, b);
                drifted.add(other + " differs from " + copies.get(0) + " at line " + (line + 2)
                        + ": \"" + lineAt(b, line) + "\" instead of \"" + lineAt(a, line) + "\"");
            }
        }

        assertThat(drifted).as(simpleName + " copies that differ by more than the package line").isEmpty();
    }

    @Test
    @DisplayName("Require and UnknownIdException are in every mapping package")
    void everyPackageHasTheCommonOnes() {
        List<String> missing = MAPPING_PACKAGES.stream()
                .flatMap(p -> EVERYWHERE.stream().filter(name -> !Files.exists(source(p, name))).map(name -> p + "." + name))
                .toList();

        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("no package keeps a copy that none of its other classes uses")
    void noDeadCopies() {
        List<String> dead = new ArrayList<>();
        for (String packageName : MAPPING_PACKAGES) {
            for (String name : Stream.concat(EVERYWHERE.stream(), WHERE_USED.stream()).toList()) {
                String className = packageName + "." + name;
                if (MAIN.contain(className) && MAIN.get(className).getDirectDependenciesToSelf().stream()
                        .map(d -> d.getOriginClass())
                        .noneMatch(origin -> origin.getPackageName().equals(packageName)
                                && !origin.getName().split("\\$")[0].equals(className))) {
                    dead.add(className);
                }
            }
        }

        assertThat(dead).as("support classes nothing in their package uses").isEmpty();
    }

    @Test
    @DisplayName("only Constraints reads a violated constraint's name, so it is read one way everywhere")
    void constraintNamesAreReadByConstraintsAlone() {
        noClasses().that().resideInAnyPackage(MAPPING_PACKAGES.toArray(String[]::new))
                .and().doNotHaveSimpleName("Constraints")
                .should().callMethod(ConstraintViolationException.class, "getConstraintName")
                .check(MAIN);
    }

    /**
     * Not found ({@code Unknown…}, {@code Not…}): a {@link NoSuchElementException}. A key already
     * taken ({@code Duplicate…}): the package's {@code DuplicateKeyException}, an
     * {@link IllegalStateException}. Any other refusal: an {@link IllegalStateException}. None is an
     * {@link IllegalArgumentException}: that is left to the checks of malformed arguments
     * ({@code Require}'s), thrown as itself. Names and supertypes agree, both ways.
     */
    @Test
    @DisplayName("every exception is not-found, duplicate key or refused state, never a bad argument, and says what was wrong")
    void everyExceptionHasItsPlaceInTheHierarchy() {
        List<String> wrong = new ArrayList<>();
        List<Class<?>> exceptions = exceptions();
        for (Class<?> type : exceptions) {
            String name = type.getSimpleName();
            Class<?> duplicateKey = load(type.getPackageName() + ".DuplicateKeyException");
            boolean notFound = name.startsWith("Unknown") || name.startsWith("Not");
            boolean duplicate = name.startsWith("Duplicate");
            if (IllegalArgumentException.class.isAssignableFrom(type) || !RuntimeException.class.isAssignableFrom(type)) {
                wrong.add(type.getName() + " extends " + type.getSuperclass().getName() + ", not an unchecked refusal of state");
            } else if (notFound != NoSuchElementException.class.isAssignableFrom(type)) {
                wrong.add(type.getName() + (notFound ? " is not" : " is") + " a NoSuchElementException");
            } else if (duplicate != (duplicateKey != null && duplicateKey.isAssignableFrom(type))) {
                wrong.add(type.getName() + (duplicate ? " does not extend" : " extends") + " DuplicateKeyException");
            } else if (!notFound && !IllegalStateException.class.isAssignableFrom(type)) {
                wrong.add(type.getName() + " is not an IllegalStateException");
            }
            if (accessors(type).isEmpty()) {
                wrong.add(type.getName() + " has no accessor for what was wrong");
            }
        }

        assertThat(exceptions).as("the public exceptions of the mapping packages").hasSizeGreaterThan(MAPPING_PACKAGES.size());
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("DuplicateKeyException names the value, the constraint and its kind")
    void duplicateKeyExceptionHasItsAccessors() {
        List<Class<?>> shared = MAPPING_PACKAGES.stream().<Class<?>>map(p -> load(p + ".DuplicateKeyException"))
                .filter(Objects::nonNull).toList();

        assertThat(shared).isNotEmpty().allSatisfy(type -> {
            assertThat(type.getSuperclass()).isEqualTo(IllegalStateException.class);
            assertThat(accessors(type)).contains("value", "constraintName", "kind");
        });
    }

    /** Every public Throwable of every mapping package, from the compiled classes. */
    private static List<Class<?>> exceptions() {
        return MAIN.stream()
                .filter(c -> MAPPING_PACKAGES.contains(c.getPackageName()) && c.isAssignableTo(Throwable.class)
                        && c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .map(JavaClass::getName)
                .sorted()
                .<Class<?>>map(SupportClassesTest::load)
                .toList();
    }

    /** The public no-argument methods {@code type} and its superclasses in its package declare. */
    private static List<String> accessors(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c.getPackageName().equals(type.getPackageName()); c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                            && m.getParameterCount() == 0 && m.getReturnType() != void.class)
                    .map(Method::getName)
                    .forEach(names::add);
        }
        return names;
    }

    private static Path source(String packageName, String simpleName) {
        return Path.of("src/main/java", packageName.replace('.', '/'), simpleName + ".java");
    }

    /** The file's text, byte for byte but for its first line, which must be the package line. */
    private static String withoutPackageLine(String packageName, String simpleName) throws IOException {
        String text = Files.readString(source(packageName, simpleName), StandardCharsets.UTF_8);
        String packageLine = "package " + packageName + ";\n";
        assertThat(text).as(packageName + "." + simpleName + " opens with its package line").startsWith(packageLine);
        return text.substring(packageLine.length());
    }

    /** The first line where {@code a} and {@code b} differ; past both ends when only line endings do. */
    private static int firstDifference(List<String> a, List<String> b) {
        int i = 0;
        while (i < Math.max(a.size(), b.size()) && lineAt(a, i).equals(lineAt(b, i))) {
            i++;
        }
        return i;
    }

    private static String lineAt(List<String> lines, int i) {
        return i < lines.size() ? lines.get(i) : "<end of file>";
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
