package dev.relmap.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The report's log-log chart")
class LogLogChartTest {

    private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile(
            "<circle cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"[^>]*><title>([^:]+):");

    @Test
    @DisplayName("draws 1 + N rising, N by equal steps per decade, and a constant count flat")
    void nPlusOneRisesConstantStaysFlat() {
        List<LogLogChart.Series> series = List.of(
                series("Lazy", true, 2, 11, 101, 1001),
                series("Exactly N", true, 1, 10, 100, 1000),
                series("JOIN FETCH", false, 1, 1, 1, 1));

        String svg = LogLogChart.svg("chart", "N", "SELECTs", series);

        List<Double> lazy = heights(svg, "Lazy");
        List<Double> joinFetch = heights(svg, "JOIN FETCH");
        assertThat(joinFetch).hasSize(4).containsOnly(joinFetch.get(0));
        assertThat(lazy).hasSize(4).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        List<Double> exactlyN = heights(svg, "Exactly N");
        double decade = exactlyN.get(0) - exactlyN.get(1);
        assertThat(exactlyN.get(1) - exactlyN.get(2)).isCloseTo(decade, offset(0.2));
        assertThat(exactlyN.get(2) - exactlyN.get(3)).isCloseTo(decade, offset(0.2));
        assertThat(svg).contains(">1 000</text>", ">N</text>", ">SELECTs</text>");
    }

    private static LogLogChart.Series series(String label, boolean nPlusOne, int... counts) {
        int[] sizes = {1, 10, 100, 1000};
        List<LogLogChart.Point> points = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            points.add(new LogLogChart.Point(sizes[i], counts[i]));
        }
        return new LogLogChart.Series(label, nPlusOne, points);
    }

    /** The y coordinate of each of the series' markers; SVG's y grows downwards. */
    private static List<Double> heights(String svg, String label) {
        List<Double> heights = new ArrayList<>();
        Matcher matcher = MARKER.matcher(svg);
        while (matcher.find()) {
            if (matcher.group(3).equals(label)) {
                heights.add(Double.parseDouble(matcher.group(2)));
            }
        }
        return heights;
    }
}
