package dev.relmap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CONTRIBUTING.md's "Adding a pattern" is the list of what the suite enforces on a new pattern;
 * this keeps it from going stale. A check that goes over every pattern is found in the test sources
 * by what it reads: {@code MappingPattern.all()}, {@code LayeringTest.MAPPING_PACKAGES}, or a list of
 * the pattern packages of its own (which names {@code "dev.relmap.onetomany"} first).
 */
@DisplayName("CONTRIBUTING.md")
class ContributingTest {

    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern OVER_EVERY_PATTERN =
            Pattern.compile("MappingPattern\\.all\\(\\)|MAPPING_PACKAGES|\"dev\\.relmap\\.onetomany\"");
    private static final Pattern NAMED_TEST = Pattern.compile("`(\\w+Test)`");

    @Test
    @DisplayName("names every test that checks every pattern")
    void namesEveryCheck() throws IOException {
        String contributing = contributing();

        List<String> unnamed = testClasses().stream()
                .filter(file -> OVER_EVERY_PATTERN.matcher(read(file)).find())
                .map(ContributingTest::className)
                .filter(name -> !contributing.contains("`" + name + "`"))
                .sorted()
                .toList();

        assertThat(unnamed).as("checks on every pattern that CONTRIBUTING.md does not name").isEmpty();
    }

    @Test
    @DisplayName("names only tests that exist")
    void namesOnlyTestsThatExist() throws IOException {
        Set<String> existing = testClasses().stream().map(ContributingTest::className).collect(Collectors.toSet());
        Matcher named = NAMED_TEST.matcher(contributing());

        List<String> missing = named.results().map(m -> m.group(1)).filter(name -> !existing.contains(name)).toList();

        assertThat(missing).as("tests CONTRIBUTING.md names that src/test/java does not have").isEmpty();
    }

    private static String contributing() throws IOException {
        return Files.readString(Path.of("CONTRIBUTING.md"), StandardCharsets.UTF_8);
    }

    private static List<Path> testClasses() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(f -> f.getFileName().toString().endsWith("Test.java")).toList();
        }
    }

    private static String className(Path file) {
        return file.getFileName().toString().replace(".java", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
