package dev.relmap.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.pattern.MappingPattern;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a reader sees it: every registered pattern measured for real (on H2), the report
 * written as the tour writes it, and rendered by headless Chromium. Measured at N = 10 only, not at the
 * tour's N = 1, 10, 100, 1000, to keep the test to seconds: the widths that matter are the
 * strategies' names, descriptions and formulas, the same at any N. {@code .ci/run} renders the
 * tour's own report, up to N = 1000, the same way.
 */
@DisplayName("The HTML report, rendered by headless Chromium")
class HtmlReportLayoutTest {

    static final int WINDOW_WIDTH = 1000;

    private static final List<Integer> SIZES = List.of(10);

    @Test
    @DisplayName("fits a window 1000 px wide: no horizontal scroll")
    void fitsAThousandPixels(@TempDir Path folder) throws IOException, InterruptedException {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "Chromium is not on the PATH (apt-get install chromium; .ci/run installs it)");
        // H2 in memory whatever relmap.db says: the layout is the same on every database, and H2
        // keeps this test to seconds on the PostgreSQL and MariaDB runs too (20 s there otherwise).
        DatabaseSettings settings = DatabaseSettings.defaults(Database.H2);
        List<PatternMeasurement> measurements = MappingPattern.all().stream()
                .map(pattern -> PatternMeasurement.measure(pattern, settings, SIZES, SIZES.get(0)))
                .toList();
        Path report = folder.resolve("relmap-report.html");
        HtmlReport.write(report, settings, SIZES.get(SIZES.size() - 1), measurements);

        HeadlessChromium.Layout layout = chromium.get().measure(report, WINDOW_WIDTH, folder);

        assertThat(layout.clientWidth()).as("the window's width, less a vertical scroll bar")
                .isBetween(WINDOW_WIDTH - 20, WINDOW_WIDTH);
        assertThat(layout.scrollWidth()).as("the page's width in %s; what sticks out:%n%s", chromium.get(), layout.overflowing())
                .isLessThanOrEqualTo(layout.clientWidth());
    }
}
