package dev.relmap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.StrategyTable;
import dev.relmap.tour.TourTestPattern;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link DocsCheck} ties the pages' strategies tables and figures to the patterns' declarations. */
@DisplayName("The docs check of strategies tables and figures")
class DocsTableCheckTest {

    private final MappingPattern pattern = new TourTestPattern();

    /** A project with no sources: no tagged region to quote. */
    @TempDir
    Path root;

    private DocsCheck check;

    @BeforeEach
    void check() {
        check = new DocsCheck(root, List.of(pattern));
    }

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
                .startsWith("README.md line 1, strategies of tour-test is stale:")
                .contains("  - | Lazy |  | 1 + N | yes |", "  + | Lazy |  | N | yes |");
    }

    @Test
    @DisplayName("requires a table for every registered pattern on some page, and shows the one to paste")
    void missing() {
        assertThat(check.problems("# relmap\n")).singleElement().asString()
                .startsWith("Pattern tour-test has no <!-- strategies: tour-test --> table on any page (README.md)")
                .endsWith(StrategyTable.markdown(pattern));
    }

    @Test
    @DisplayName("accepts a pattern's table on any page, and names the page of a stale one")
    void tableOnAnotherPage() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("README.md", "# relmap\n");
        pages.put("docs/tour-test.md", "# Tour test\n\n<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern));

        assertThat(check.problems(pages)).isEmpty();

        pages.put("docs/tour-test.md", pages.get("docs/tour-test.md").replace("| 1 + N |", "| N |"));

        assertThat(check.problems(pages)).singleElement().asString()
                .startsWith("docs/tour-test.md line 3, strategies of tour-test is stale:");
    }

    @Test
    @DisplayName("rejects a table for a pattern that does not exist")
    void unknownPattern() {
        String readme = "<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern)
                + "<!-- strategies: one-to-nine -->\n";

        assertThat(check.problems(readme)).containsExactly(
                "README.md line 7, strategies of one-to-nine: no such pattern; registered are tour-test");
    }

    @Test
    @DisplayName("accepts figures rendered from the strategies' formulas at N")
    void currentFigures() {
        String readme = "<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern)
                + "<!-- figures: tour-test N=1000 -->\n" + DocsCheck.figures(pattern, 1000) + "\n";

        assertThat(DocsCheck.figures(pattern, 1000)).contains(": 1001, 1, ");
        assertThat(check.problems(readme)).isEmpty();
    }

    @Test
    @DisplayName("names figures typed by hand that no longer match the formulas")
    void staleFigures() {
        String typed = DocsCheck.figures(pattern, 1000).replace("1001", "1000");
        String readme = "<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern)
                + "<!-- figures: tour-test N=1000 -->\n" + typed + "\n";

        long marker = 2 + StrategyTable.markdown(pattern).lines().count();

        assertThat(check.problems(readme)).singleElement().asString()
                .startsWith("README.md line " + marker + ", figures of tour-test at N = 1000 is stale:")
                .contains("  - " + DocsCheck.figures(pattern, 1000), "  + " + typed);
    }

    @Test
    @DisplayName("rewrites stale figures and tables when asked to, and leaves the prose around them")
    void rendersFigures() {
        String readme = "Before.\n<!-- strategies: tour-test -->\n| old |\n"
                + "<!-- figures: tour-test N=10 -->\nAt N = 10 it was 3.\nAfter.\n";

        String rendered = check.rendered(readme);

        assertThat(rendered).isEqualTo("Before.\n<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern)
                + "<!-- figures: tour-test N=10 -->\n" + DocsCheck.figures(pattern, 10) + "\nAfter.\n");
        assertThat(check.problems(rendered)).isEmpty();
    }
}
