package dev.relmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Surefire 3.5.5 reports a test class, in its console lines and in the XML reports, by the class's
 * {@code @DisplayName} annotation alone: the display-name generator ({@link SentenceDisplayNames})
 * names the tests, but a {@code @Nested} class without the annotation is reported as
 * {@code OuterTest$Inner}. So every {@code @Nested} class that the suite runs carries one.
 */
@DisplayName("Surefire's reports")
class NestedDisplayNamesTest {

    @Test
    @DisplayName("name every @Nested group by its @DisplayName, as a phrase rather than Outer$Inner")
    void everyNestedClassHasADisplayName() throws IOException, URISyntaxException {
        Path testClasses = Path.of(NestedDisplayNamesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        List<String> unnamed;
        try (Stream<Path> files = Files.walk(testClasses)) {
            unnamed = files.map(testClasses::relativize)
                    .map(Path::toString)
                    .filter(file -> file.endsWith(".class") && file.contains("$"))
                    .map(file -> load(file.substring(0, file.length() - ".class".length()).replace('/', '.')))
                    .filter(NestedDisplayNamesTest::runByTheSuite)
                    .filter(type -> !type.isAnnotationPresent(DisplayName.class))
                    .map(Class::getName)
                    .sorted()
                    .toList();
        }

        assertThat(unnamed).as("@Nested classes without @DisplayName").isEmpty();
    }

    /** A @Nested class inside @Nested classes up to a top-level one; not one kept for the engine test kit. */
    private static boolean runByTheSuite(Class<?> type) {
        Class<?> current = type;
        while (current.getEnclosingClass() != null) {
            if (!current.isAnnotationPresent(Nested.class)) {
                return false;
            }
            current = current.getEnclosingClass();
        }
        return current != type;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NestedDisplayNamesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
