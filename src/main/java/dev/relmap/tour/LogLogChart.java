package dev.relmap.tour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An inline SVG line chart with both axes on a log scale: a count that grows with N rises as a
 * straight diagonal, a constant count stays a flat line. No script, no external resource.
 *
 * <p>Strategies with the same count at every N would draw the same line, one hiding the other, so
 * they are drawn as one {@link Line} and named together in one legend entry: every line on the
 * chart is identifiable, and every strategy is in the legend. Both axes end at a decade tick at or
 * above the largest value, so a count of 2003 sits below the "10 000" tick, not above "1 000".
 */
public final class LogLogChart {

    /** One line: a strategy's count at each measured N. */
    public record Series(String label, boolean nPlusOne, List<Point> points) {
    }

    public record Point(int n, int count) {
    }

    /** The strategies that share one line: the same count at every N. */
    record Line(List<Series> members) {

        List<Point> points() {
            return members.get(0).points();
        }

        /** The members' labels, joined: what the line's markers say when hovered. */
        String label() {
            return members.stream().map(Series::label).collect(Collectors.joining("; "));
        }
    }

    private static final String[] COLOURS = {
        "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f"
    };
    private static final String[] DASHES = {"", "8 4", "2 3", "12 4 2 4", "6 2", "1 4"};

    private static final int WIDTH = 760;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 55;

    private LogLogChart() {
    }

    /**
     * The series grouped into lines, in the order each line's first strategy comes: series with
     * equal points (the same count at every N) share a line.
     */
    static List<Line> lines(List<Series> series) {
        Map<List<Point>, List<Series>> byPoints = new LinkedHashMap<>();
        series.forEach(s -> byPoints.computeIfAbsent(s.points(), points -> new ArrayList<>()).add(s));
        return byPoints.values().stream().map(members -> new Line(List.copyOf(members))).toList();
    }

    /**
     * The chart as an {@code <svg>} element, one path per {@link Line}. Lines that meet or cross
     * stay apart by colour, dash and width: each later line is drawn thinner.
     */
    public static String svg(String title, String xLabel, String yLabel, List<Series> series) {
        int maxN = series.stream().flatMap(s -> s.points().stream()).mapToInt(Point::n).max().orElse(1);
        int maxCount = series.stream().flatMap(s -> s.points().stream()).mapToInt(Point::count).max().orElse(1);
        // Each axis ends at the first decade tick at or above its largest value, at least one decade long.
        int xDecades = decadesToReach(maxN);
        int yDecades = decadesToReach(maxCount);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                        + " role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, HtmlReport.escape(title)));
        svg.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");

        for (int decade = 0; decade <= xDecades; decade++) {
            double x = LEFT + plotWidth * decade / xDecades;
            svg.append(line(x, TOP, x, TOP + plotHeight, "#e3e3e3"));
            svg.append(text(x, TOP + plotHeight + 18, "middle", power(decade)));
        }
        for (int decade = 0; decade <= yDecades; decade++) {
            double y = TOP + plotHeight - plotHeight * decade / yDecades;
            svg.append(line(LEFT, y, LEFT + plotWidth, y, "#e3e3e3"));
            svg.append(text(LEFT - 8, y + 4, "end", power(decade)));
        }
        svg.append(line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "#444"));
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight, "#444"));
        svg.append(text(LEFT + plotWidth / 2, HEIGHT - 12, "middle", xLabel));
        svg.append(String.format(Locale.ROOT,
                "<text transform=\"translate(16 %.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                TOP + plotHeight / 2, HtmlReport.escape(yLabel)));

        List<Line> lines = lines(series);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String colour = COLOURS[i % COLOURS.length];
            double stroke = stroke(i);
            StringBuilder path = new StringBuilder();
            StringBuilder markers = new StringBuilder();
            for (Point point : line.points()) {
                double x = LEFT + plotWidth * log10(point.n()) / xDecades;
                // log(0) has no place on the axis: a run with no SELECT sits on the bottom line.
                double y = TOP + plotHeight - plotHeight * log10(Math.max(1, point.count())) / yDecades;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                markers.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>%s: %d at N = %d</title></circle>%n",
                        x, y, stroke / 2 + 2, colour, HtmlReport.escape(line.label()), point.count(), point.n()));
            }
            svg.append(String.format(Locale.ROOT,
                    "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-dasharray=\"%s\""
                            + " stroke-linejoin=\"round\"/>%n",
                    path, colour, stroke, DASHES[i % DASHES.length]));
            svg.append(markers);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /**
     * The legend as HTML: one entry per {@link Line}, drawn in its colour and dash, naming every
     * strategy on it, one per row.
     */
    public static String legend(List<Series> series) {
        StringBuilder html = new StringBuilder("<ul class=\"legend\">\n");
        List<Line> lines = lines(series);
        for (int i = 0; i < lines.size(); i++) {
            html.append(String.format(Locale.ROOT,
                    "<li><svg width=\"36\" height=\"12\" aria-hidden=\"true\"><line x1=\"0\" y1=\"6\" x2=\"36\" y2=\"6\""
                            + " stroke=\"%s\" stroke-width=\"%.1f\" stroke-dasharray=\"%s\"/></svg>",
                    COLOURS[i % COLOURS.length], stroke(i), DASHES[i % DASHES.length]));
            for (Series member : lines.get(i).members()) {
                html.append("<span>").append(HtmlReport.escape(member.label()))
                        .append(member.nPlusOne() ? " <strong class=\"n1\">N+1</strong>" : "").append("</span>");
            }
            html.append("</li>\n");
        }
        return html.append("</ul>\n").toString();
    }

    /** The decades from 1 to the first power of ten at or above {@code value}; at least one. */
    private static int decadesToReach(int value) {
        int decades = 1;
        while (Math.pow(10, decades) < value) {
            decades++;
        }
        return decades;
    }

    private static double stroke(int line) {
        return Math.max(1.5, 6.0 - 1.5 * line);
    }

    private static double log10(int value) {
        return Math.log10(value);
    }

    private static String power(int decade) {
        return String.format(Locale.ROOT, "%,d", (long) Math.pow(10, decade)).replace(',', ' ');
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
                x, y, anchor, HtmlReport.escape(content));
    }
}
