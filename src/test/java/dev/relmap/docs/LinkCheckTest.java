package dev.relmap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link LinkCheck} follows the relative links of Markdown pages to files and headings. */
@DisplayName("The link check")
class LinkCheckTest {

    @TempDir
    Path root;

    @BeforeEach
    void pages() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.createDirectories(root.resolve("src/main/java/shop"));
        Files.writeString(root.resolve("src/main/java/shop/Cart.java"), "class Cart {}\n");
        Files.writeString(root.resolve("docs/carts.md"), """
                # Carts

                ## One-to-many: Cart → Item

                ## Writes and integrity

                ## Writes and integrity

                ```text
                ## Not a heading
                ```
                """);
    }

    @Test
    @DisplayName("accepts links to files and folders that exist and to headings of the page linked")
    void resolves() throws IOException {
        write("README.md", """
                See [carts](docs/carts.md), [the mapping](docs/carts.md#one-to-many-cart--item),
                [its writes](docs/carts.md#writes-and-integrity) and [again](docs/carts.md#writes-and-integrity-1),
                [the source](src/main/java/shop/Cart.java), [the package](src/main/java/shop/) and
                [the JDK](https://openjdk.org/#nowhere).
                """);
        write("docs/more.md", "[Back](../README.md) · [top](#more) · [carts](carts.md#carts)\n\n# More\n");

        assertThat(check("README.md", "docs/more.md")).isEmpty();
    }

    @Test
    @DisplayName("names the page, the line and the link of a link to a file that does not exist")
    void missingFile() throws IOException {
        write("README.md", "# Shop\n\nSee [carts](docs/cart.md) and [the code](src/main/java/shop/Basket.java).\n");

        assertThat(check("README.md")).containsExactly(
                "README.md line 3, link [carts](docs/cart.md): no file docs/cart.md",
                "README.md line 3, link [the code](src/main/java/shop/Basket.java): no file src/main/java/shop/Basket.java");
    }

    @Test
    @DisplayName("names a link to a heading that the page linked does not have, or this page does not")
    void missingAnchor() throws IOException {
        write("docs/more.md", """
                # More

                [Writes](carts.md#writes) · [the mapping](carts.md#one-to-many-cart-item) · [down](#less)
                [in code](carts.md#not-a-heading)
                """);

        assertThat(check("docs/more.md")).containsExactly(
                "docs/more.md line 3, link [Writes](carts.md#writes): no heading of docs/carts.md has the anchor #writes",
                "docs/more.md line 3, link [the mapping](carts.md#one-to-many-cart-item): "
                        + "no heading of docs/carts.md has the anchor #one-to-many-cart-item",
                "docs/more.md line 3, link [down](#less): no heading of docs/more.md has the anchor #less",
                "docs/more.md line 4, link [in code](carts.md#not-a-heading): "
                        + "no heading of docs/carts.md has the anchor #not-a-heading");
    }

    @Test
    @DisplayName("follows a link whose text wraps onto the next line, and names the line it starts on")
    void wrappedLink() throws IOException {
        write("README.md", """
                # Shop

                Read [the part on
                writes](docs/carts.md#writes-and-integrity) and [the part
                on reads](docs/carts.md#reads).
                """);

        assertThat(check("README.md")).containsExactly(
                "README.md line 4, link [the part on reads](docs/carts.md#reads): "
                        + "no heading of docs/carts.md has the anchor #reads");
    }

    @Test
    @DisplayName("leaves alone what only looks like a link: in a code block, in a code span, in a comment")
    void notLinks() throws IOException {
        write("README.md", """
                # Shop

                `[not](a-link.md)` and <!-- [nor](this.md) -->

                ```java
                list.get(0)[1](x);
                [also](not-a-link.md)
                ```
                """);

        assertThat(check("README.md")).isEmpty();
    }

    @Nested
    @DisplayName("makes a heading's anchor as GitHub does")
    class Anchors {

        @Test
        @DisplayName("lowercase, a space becomes '-', punctuation and symbols go, '-' and '_' stay")
        void rules() {
            assertThat(LinkCheck.anchor("One-to-many: Author → Book")).isEqualTo("one-to-many-author--book");
            assertThat(LinkCheck.anchor("Variant A, a unique foreign key: `dev.relmap.onetoone.foreignkey`"))
                    .isEqualTo("variant-a-a-unique-foreign-key-devrelmaponetooneforeignkey");
            assertThat(LinkCheck.anchor("The pitfall: a plain `@ManyToMany` in a `List`"))
                    .isEqualTo("the-pitfall-a-plain-manytomany-in-a-list");
            assertThat(LinkCheck.anchor("snake_case and 16 students (at once)?")).isEqualTo("snake_case-and-16-students-at-once");
            assertThat(LinkCheck.anchor("See [the kit](kit.md) first")).isEqualTo("see-the-kit-first");
        }

        @Test
        @DisplayName("numbers a repeated anchor -1, -2, and skips headings inside code blocks")
        void duplicates() {
            assertThat(LinkCheck.anchors("# A\n## A\n```\n# A\n```\n### A\n")).containsExactly("a", "a-1", "a-2");
        }
    }

    private void write(String page, String text) throws IOException {
        Files.writeString(root.resolve(page), text);
    }

    private List<String> check(String... pages) {
        return new LinkCheck(root).problems(List.of(pages));
    }
}
