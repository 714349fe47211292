package dev.relmap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.pattern.MappingPattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc's overview page, {@code src/main/javadoc/overview.html}: the map from the packages to
 * the five patterns and the kit. Javadoc itself fails the build on a link to a package that does
 * not exist (doclint, failOnWarnings); this holds the other direction, so a new package or pattern
 * cannot be left off the map.
 */
@DisplayName("The Javadoc overview page")
class JavadocOverviewTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path OVERVIEW = Path.of("src/main/javadoc/overview.html");

    @Test
    @DisplayName("links every package of the library")
    void linksEveryPackage() throws IOException {
        String overview = Files.readString(OVERVIEW, StandardCharsets.UTF_8);

        List<String> missing = packages().stream()
                .filter(name -> !overview.contains("{@link " + name + "}"))
                .toList();

        assertThat(missing).as("packages the overview does not link").isEmpty();
    }

    @Test
    @DisplayName("lists every pattern's package under the pattern it is a variant of")
    void mapsEveryPatternToItsFamily() throws IOException {
        String overview = Files.readString(OVERVIEW, StandardCharsets.UTF_8);

        List<String> misplaced = MappingPattern.all().stream()
                .filter(p -> !entry(overview, p.family()).contains("{@link " + p.packageName() + "}"))
                .map(p -> p.packageName() + " not under <dt>" + p.family() + "</dt>")
                .toList();

        assertThat(misplaced).isEmpty();
    }

    /** The {@code <dd>} that follows {@code <dt>term</dt>}, or "" when there is none. */
    private static String entry(String overview, String term) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(term) + "</dt>\\s*<dd>(.*?)</dd>", Pattern.DOTALL)
                .matcher(overview);
        return m.find() ? m.group(1) : "";
    }

    /** Every package with a Java source in src/main/java. */
    private static List<String> packages() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> SOURCES.relativize(f.getParent()).toString().replace('/', '.'))
                    .distinct()
                    .sorted()
                    .toList();
        }
    }
}
