package dev.relmap.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.StrategyTable;
import dev.relmap.tour.TourTestPattern;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link ReadmeCheck} ties the README's strategies tables and figures to the patterns' declarations. */
@DisplayName("The README check of strategies tables and figures")
class ReadmeTableCheckTest {


    private final MappingPattern pattern = new TourTestPattern();

    /** A project with no sources: no tagged region to quote. */
    @TempDir
    Path root;

    private ReadmeCheck check;

    @BeforeEach
    void check() {
        check = new ReadmeCheck(root, List.of(pattern));
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

    @Test
    @DisplayName("accepts figures rendered from the strategies' formulas at N")
    void currentFigures() {
        String readme = "<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern)
                + "<!-- figures: tour-test N=1000 -->\n" + ReadmeCheck.figures(pattern, 1000) + "\n";

        assertThat(ReadmeCheck.figures(pattern, 1000)).contains(": 1001, 1, ");
        assertThat(check.problems(readme)).isEmpty();
    }

    @Test
    @DisplayName("names figures typed by hand that no longer match the formulas")
    void staleFigures() {
        String typed = ReadmeCheck.figures(pattern, 1000).replace("1001", "1000");
        String readme = "<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern)
                + "<!-- figures: tour-test N=1000 -->\n" + typed + "\n";

        long marker = 2 + StrategyTable.markdown(pattern).lines().count();

        assertThat(check.problems(readme)).singleElement().asString()
                .startsWith("README line " + marker + ", figures of tour-test at N = 1000 is stale:")
                .contains("  - " + ReadmeCheck.figures(pattern, 1000), "  + " + typed);
    }

    @Test
    @DisplayName("rewrites stale figures and tables when asked to, and leaves the prose around them")
    void rendersFigures() {
        String readme = "Before.\n<!-- strategies: tour-test -->\n| old |\n"
                + "<!-- figures: tour-test N=10 -->\nAt N = 10 it was 3.\nAfter.\n";

        String rendered = check.rendered(readme);

        assertThat(rendered).isEqualTo("Before.\n<!-- strategies: tour-test -->\n" + StrategyTable.markdown(pattern)
                + "<!-- figures: tour-test N=10 -->\n" + ReadmeCheck.figures(pattern, 10) + "\nAfter.\n");
        assertThat(check.problems(rendered)).isEmpty();
    }
}
