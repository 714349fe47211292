package dev.relmap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.pattern.MappingPattern;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages under {@code docs/} as they are: what {@link DocsCheck} and
 * {@link LinkCheck} find in them, and the switch that rewrites their snippets, tables and figures.
 */
@DisplayName("The README and the pages under docs/")
class DocsTest {

    private static final Path PROJECT = Path.of("");

    @Test
    @DisplayName("quote the code as it is, quote every tagged region between them, and have every pattern's table and figures as rendered")
    void matchTheCode() {
        DocsCheck check = new DocsCheck(PROJECT, MappingPattern.all());
        // mvn test -Dtest=DocsTest -Drelmap.readme.update=true rewrites the tables, figures and snippets of every page.
        Map<String, String> pages = Boolean.getBoolean("relmap.readme.update") ? check.updatePages() : check.pages();

        List<String> problems = check.problems(pages);

        assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    }

    @Test
    @DisplayName("link only to files that exist, and to headings that exist on the page linked")
    void linksResolve() {
        List<String> problems = new LinkCheck(PROJECT).problems(new DocsCheck(PROJECT, List.of()).pages().keySet());

        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }
}
