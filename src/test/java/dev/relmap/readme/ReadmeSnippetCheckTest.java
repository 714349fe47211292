package dev.relmap.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link ReadmeCheck} ties the README's Java blocks to tagged regions of source, both ways. */
@DisplayName("The README check of Java snippets")
class ReadmeSnippetCheckTest {

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

    @Test
    @DisplayName("names a tagged region of the Java sources that no snippet quotes")
    void unquotedRegion() throws IOException {
        Files.createDirectories(root.resolve("src/test/java"));
        Files.writeString(root.resolve("src/test/java/Box.java"), """
                class Box {
                    // tag::quoted[]
                    int size;
                    // end::quoted[]
                    // tag::forgotten[]
                    int weight;
                    // end::forgotten[]
                }
                """);
        String readme = """
                <!-- snippet: src/test/java/Box.java#quoted -->
                ```java
                int size;
                ```
                """;

        assertThat(check.problems(readme)).containsExactly(
                "Tagged region src/test/java/Box.java#forgotten is quoted by no snippet; quote it with "
                        + "<!-- snippet: src/test/java/Box.java#forgotten --> or remove its tag lines");
    }

    @Test
    @DisplayName("reads a tag line inside a text block as text, not as a region")
    void tagInATextBlock() throws IOException {
        Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(root.resolve("src/main/java/Example.java"), """
                class Example {
                    String text = \"""
                            // tag::example[]
                            // end::example[]
                            \""";
                }
                """);

        assertThat(check.taggedRegions()).isEmpty();
        assertThat(check.problems("# relmap\n")).isEmpty();
    }
}
