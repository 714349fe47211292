package dev.relmap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link DocsCheck} ties the pages' Java and XML blocks to tagged regions of source, both ways. */
@DisplayName("The docs check of snippets")
class DocsSnippetCheckTest {

    @TempDir
    Path root;

    private DocsCheck check;

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
        check = new DocsCheck(root, List.of());
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
                .startsWith("README.md line 1, snippet src/it/app/pom.xml#kit is stale");
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
                README.md line 1, snippet src/Shelf.java#items is stale:
                  - @OneToMany(mappedBy = "shelf")
                  + @OneToMany
                    private List<Item> items = new ArrayList<>();
                  (- is the code, + is the page)""");
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
                .anySatisfy(problem -> assertThat(problem).startsWith("README.md line 1, snippet src/Shelf.java#items is stale"))
                .anySatisfy(problem -> assertThat(problem).startsWith("README.md line 5, snippet src/Shelf.java#field is stale"));
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
                "README.md line 1, snippet src/Shelf.java#books: no region // tag::books[] ... // end::books[] in "
                        + root.resolve("src/Shelf.java"),
                "README.md line 4, snippet src/Author.java#books: no file " + root.resolve("src/Author.java"));
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
                .startsWith("README.md line 3: a ```java block without a <!-- snippet: PATH#TAG --> line");
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
                "Tagged region src/test/java/Box.java#forgotten is quoted by no snippet on any page; quote it with "
                        + "<!-- snippet: src/test/java/Box.java#forgotten --> or remove its tag lines");
    }

    @Test
    @DisplayName("names the page and line of a stale snippet under docs/")
    void staleOnAnotherPage() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("README.md", "# Shelf\n");
        pages.put("docs/shelf.md", """
                # Shelf

                <!-- snippet: src/Shelf.java#field -->
                ```java
                private Set<Item> items;
                ```
                """);

        assertThat(check.problems(pages)).singleElement().asString()
                .startsWith("docs/shelf.md line 3, snippet src/Shelf.java#field is stale");
    }

    @Test
    @DisplayName("counts a region as quoted when any page quotes it, and names the regions no page quotes")
    void quotedOnAnyPage() throws IOException {
        Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(root.resolve("src/main/java/Box.java"), """
                class Box {
                    // tag::size[]
                    int size;
                    // end::size[]
                    // tag::weight[]
                    int weight;
                    // end::weight[]
                }
                """);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("README.md", """
                <!-- snippet: src/main/java/Box.java#size -->
                ```java
                int size;
                ```
                """);
        pages.put("docs/box.md", """
                <!-- snippet: src/main/java/Box.java#weight -->
                ```java
                int weight;
                ```
                """);

        assertThat(check.problems(pages)).isEmpty();
        assertThat(check.problems(pages.get("README.md"))).containsExactly(
                "Tagged region src/main/java/Box.java#weight is quoted by no snippet on any page; quote it with "
                        + "<!-- snippet: src/main/java/Box.java#weight --> or remove its tag lines");
    }

    @Test
    @DisplayName("looks for tagged regions in the consumer projects under src/it too, Java and build files")
    void regionsOfTheConsumers() throws IOException {
        Files.createDirectories(root.resolve("src/it/app/src/test/java"));
        Files.writeString(root.resolve("src/it/app/pom.xml"), """
                <project>
                  <!-- tag::kit[] -->
                  <dependency/>
                  <!-- end::kit[] -->
                </project>
                """);
        Files.writeString(root.resolve("src/it/app/src/test/java/FirstTest.java"), """
                // tag::first-test[]
                class FirstTest {
                }
                // end::first-test[]
                """);
        Files.writeString(root.resolve("src/it/app/notes.txt"), """
                // tag::not-source[]
                // end::not-source[]
                """);

        assertThat(check.taggedRegions()).containsExactly(
                "src/it/app/pom.xml#kit", "src/it/app/src/test/java/FirstTest.java#first-test");
    }

    @Test
    @DisplayName("rewrites the stale snippets of every page on disk when asked to")
    void updatesEveryPage() throws IOException {
        Files.writeString(root.resolve("README.md"), """
                <!-- snippet: src/Shelf.java#field -->
                ```java
                old
                ```
                """);
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/shelf.md"), """
                Text.
                <!-- snippet: src/Shelf.java#items -->
                ```java
                older
                ```
                More text.
                """);

        check.updatePages();

        assertThat(check.pages()).containsOnlyKeys("README.md", "docs/shelf.md");
        assertThat(check.problems(check.pages())).isEmpty();
        assertThat(Files.readString(root.resolve("docs/shelf.md"))).isEqualTo("""
                Text.
                <!-- snippet: src/Shelf.java#items -->
                ```java
                @OneToMany(mappedBy = "shelf")
                private List<Item> items = new ArrayList<>();
                ```
                More text.
                """);
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
