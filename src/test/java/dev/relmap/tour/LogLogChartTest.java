package dev.relmap.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The report's log-log chart")
class LogLogChartTest {

    private static final Pattern MARKER = Pattern.compile(
            "<circle cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"[^>]*><title>([^:]+):");
    /** A tick label of the count axis: right-aligned left of the axis, 4 px below its grid line. */
    private static final Pattern COUNT_TICK = Pattern.compile(
            "<text x=\"[\\d.]+\" y=\"([\\d.]+)\" text-anchor=\"end\">([\\d ]+)</text>");

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

    @Test
    @DisplayName("draws strategies with the same count at every N as one line, with one legend entry naming them all")
    void sameCountsShareALineAndALegendEntry() {
        List<LogLogChart.Series> series = List.of(
                series("JOIN FETCH — 1", false, 1, 1, 1, 1),
                series("Lazy — 1 + N", true, 2, 11, 101, 1001),
                series("Entity graph — 1", false, 1, 1, 1, 1),
                series("Subselect — 2", false, 2, 2, 2, 2));

        String svg = LogLogChart.svg("chart", "N", "SELECTs", series);
        String legend = LogLogChart.legend(series);

        assertThat(count(svg, "<path ")).as("lines drawn").isEqualTo(3);
        List<String> entries = entries(legend);
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0)).contains("<span>JOIN FETCH — 1</span><span>Entity graph — 1</span>");
        assertThat(entries.get(1)).contains("Lazy — 1 + N <strong class=\"n1\">N+1</strong>").doesNotContain("Subselect");
        assertThat(entries.get(2)).contains("Subselect — 2").doesNotContain("Lazy");
        assertThat(svg).contains("<title>JOIN FETCH — 1; Entity graph — 1: 1 at N = 1000</title>");
        // Each entry's swatch is drawn like its line: the colour of the line's path.
        assertThat(colours(legend)).isEqualTo(colours(svg.replaceAll("<circle[^>]*>", "")));
    }

    @Test
    @DisplayName("ends the count axis at a tick at or above the largest count: 2003 sits below 10 000")
    void topTickIsAboveTheLargestCount() {
        List<LogLogChart.Series> series = List.of(
                series("Two per root", true, 3, 23, 203, 2003),
                series("JOIN FETCH", false, 1, 1, 1, 1));

        String svg = LogLogChart.svg("chart", "N", "SELECTs", series);

        Map<Long, Double> ticks = countTicks(svg);
        long topTick = Collections.max(ticks.keySet());
        assertThat(topTick).isGreaterThanOrEqualTo(2003).isEqualTo(10_000);
        double largest = Collections.min(heights(svg, "Two per root"));
        assertThat(largest).as("the 2003 marker, below the top tick (SVG's y grows downwards)")
                .isGreaterThan(ticks.get(topTick))
                .isLessThan(ticks.get(1_000L));
    }

    @Test
    @DisplayName("ends the count axis at the largest count when it is a power of ten")
    void topTickIsTheLargestCountWhenAPowerOfTen() {
        String svg = LogLogChart.svg("chart", "N", "SELECTs", List.of(series("Exactly N", true, 1, 10, 100, 1000)));

        assertThat(Collections.max(countTicks(svg).keySet())).isEqualTo(1_000);
    }

    private static LogLogChart.Series series(String label, boolean nPlusOne, int... counts) {
        int[] sizes = {1, 10, 100, 1000};
        List<LogLogChart.Point> points = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            points.add(new LogLogChart.Point(sizes[i], counts[i]));
        }
        return new LogLogChart.Series(label, nPlusOne, points);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static List<String> entries(String legend) {
        List<String> entries = new ArrayList<>();
        Matcher matcher = Pattern.compile("<li>(.*?)</li>").matcher(legend);
        while (matcher.find()) {
            entries.add(matcher.group(1));
        }
        return entries;
    }

    /** The stroke colours in order of appearance. */
    private static List<String> colours(String markup) {
        List<String> colours = new ArrayList<>();
        Matcher matcher = Pattern.compile("stroke=\"(#[0-9a-f]{6})\" stroke-width").matcher(markup);
        while (matcher.find()) {
            colours.add(matcher.group(1));
        }
        return colours;
    }

    /** The count axis: each tick's value ("10 000" read as 10000) and its y coordinate. */
    private static Map<Long, Double> countTicks(String svg) {
        Map<Long, Double> ticks = new LinkedHashMap<>();
        Matcher matcher = COUNT_TICK.matcher(svg);
        while (matcher.find()) {
            ticks.put(Long.parseLong(matcher.group(2).replace(" ", "")), Double.parseDouble(matcher.group(1)) - 4);
        }
        return ticks;
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
