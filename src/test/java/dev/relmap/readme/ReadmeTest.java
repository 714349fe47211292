package dev.relmap.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.pattern.Pattern;
import dev.relmap.pattern.StrategyTable;
import dev.relmap.tour.TourTestPattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The README")
class ReadmeTest {

    @Test
    @DisplayName("quotes the code as it is, and has the strategies table of every registered pattern")
    void matchesTheCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        ReadmeCheck check = new ReadmeCheck(Path.of(""), Pattern.all());
        if (Boolean.getBoolean("relmap.readme.update")) {
            // mvn test -Dtest=ReadmeTest -Drelmap.readme.update=true rewrites the tables and snippets.
            readme = check.rendered(readme);
            Files.writeString(Path.of("README.md"), readme, StandardCharsets.UTF_8);
        }

        List<String> problems = check.problems(readme);

        assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    }

    @Nested
    @DisplayName("check of Java snippets")
    class Snippets {

        @TempDir
        Path root;

        private ReadmeCheck check;

        @BeforeEach
        void source() throws IOException {
            Files.createDirectories(root.resolve("src"));
            Files.writeString(root.resolve("src/Shelf.java"), """
                    class Shelf {
                        // tag::items[]
                        @OneToMany(mappedBy = "shelf")
                        // tag::field[]
                        private List<Item> items = new ArrayList<>();
                        // end::field[]
                        // end::items[]
                    }
                    """);
            check = new ReadmeCheck(root, List.of());
        }

        @Test
        @DisplayName("accepts a block equal to the tagged region, with inner tags and indentation removed")
        void current() {
            String readme = """
                    <!-- snippet: src/Shelf.java#items -->
                    ```java
                    @OneToMany(mappedBy = "shelf")
                    private List<Item> items = new ArrayList<>();
                    ```
                    """;

            assertThat(check.problems(readme)).isEmpty();
        }

        @Test
        @DisplayName("quotes a build file's region between XML comment tags, from a consumer project under src/it")
        void xmlRegion() throws IOException {
            Files.createDirectories(root.resolve("src/it/app"));
            Files.writeString(root.resolve("src/it/app/pom.xml"), """
                    <project>
                      <dependencies>
                        <!-- tag::kit[] -->
                        <dependency>
                          <artifactId>relmap</artifactId>
                        </dependency>
                        <!-- end::kit[] -->
                      </dependencies>
                    </project>
                    """);
            String readme = """
                    <!-- snippet: src/it/app/pom.xml#kit -->
                    ```xml
                    <dependency>
                      <artifactId>relmap</artifactId>
                    </dependency>
                    ```
                    """;

            assertThat(check.problems(readme)).isEmpty();
            assertThat(check.problems(readme.replace("relmap<", "relmap-kit<"))).singleElement().asString()
                    .startsWith("README line 1, snippet src/it/app/pom.xml#kit is stale");
        }

        @Test
        @DisplayName("names a stale snippet and shows both versions")
        void stale() {
            String readme = """
                    <!-- snippet: src/Shelf.java#items -->
                    ```java
                    @OneToMany
                    private List<Item> items = new ArrayList<>();
                    ```
                    """;

            assertThat(check.problems(readme)).containsExactly("""
                    README line 1, snippet src/Shelf.java#items is stale:
                      - @OneToMany(mappedBy = "shelf")
                      + @OneToMany
                        private List<Item> items = new ArrayList<>();
                      (- is the code, + is the README)""");
        }

        @Test
        @DisplayName("lists every stale snippet, not only the first")
        void everyStaleSnippet() {
            String readme = """
                    <!-- snippet: src/Shelf.java#items -->
                    ```java
                    old
                    ```
                    <!-- snippet: src/Shelf.java#field -->
                    ```java
                    private Set<Item> items = new HashSet<>();
                    ```
                    """;

            assertThat(check.problems(readme)).hasSize(2)
                    .anySatisfy(problem -> assertThat(problem).startsWith("README line 1, snippet src/Shelf.java#items is stale"))
                    .anySatisfy(problem -> assertThat(problem).startsWith("README line 5, snippet src/Shelf.java#field is stale"));
        }

        @Test
        @DisplayName("names a missing tag or file")
        void missingRegion() {
            String readme = """
                    <!-- snippet: src/Shelf.java#books -->
                    ```java
                    ```
                    <!-- snippet: src/Author.java#books -->
                    ```java
                    ```
                    """;

            assertThat(check.problems(readme)).containsExactly(
                    "README line 1, snippet src/Shelf.java#books: no region // tag::books[] ... // end::books[] in "
                            + root.resolve("src/Shelf.java"),
                    "README line 4, snippet src/Author.java#books: no file " + root.resolve("src/Author.java"));
        }

        @Test
        @DisplayName("rejects a Java block that quotes no source")
        void unmarkedBlock() {
            String readme = """
                    Some text.

                    ```java
                    em.persist(shelf);
                    ```
                    """;

            assertThat(check.problems(readme)).singleElement().asString()
                    .startsWith("README line 3: a ```java block without a <!-- snippet: PATH#TAG --> line");
        }
    }

    @Nested
    @DisplayName("check of strategies tables")
    class StrategiesTables {

        private final Pattern pattern = new TourTestPattern();
        private final ReadmeCheck check = new ReadmeCheck(Path.of(""), List.of(pattern));

        @Test
        @DisplayName("accepts the table rendered from the pattern's strategies")
        void current() {
            String readme = "<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern) + "\nMore text.\n";

            assertThat(check.problems(readme)).isEmpty();
        }

        @Test
        @DisplayName("names a table whose formula no longer matches the code")
        void stale() {
            String readme = "<!-- strategies: tour-test -->\n"
                    + StrategyTable.markdown(pattern).replace("| 1 + N |", "| N |");

            assertThat(check.problems(readme)).singleElement().asString()
                    .startsWith("README line 1, strategies of tour-test is stale:")
                    .contains("  - | Lazy | 1 + N | yes |", "  + | Lazy | N | yes |");
        }

        @Test
        @DisplayName("requires a table for every registered pattern, and shows the one to paste")
        void missing() {
            assertThat(check.problems("# relmap\n")).singleElement().asString()
                    .startsWith("Pattern tour-test has no <!-- strategies: tour-test --> table in the README")
                    .endsWith(StrategyTable.markdown(pattern));
        }

        @Test
        @DisplayName("rejects a table for a pattern that does not exist")
        void unknownPattern() {
            String readme = "<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern)
                    + "<!-- strategies: one-to-nine -->\n";

            assertThat(check.problems(readme)).containsExactly(
                    "README line 7, strategies of one-to-nine: no such pattern; registered are tour-test");
        }
    }
}
