package dev.relmap.bench;

import dev.relmap.tour.HtmlReport;
import dev.relmap.tour.LogLogChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The benchmarks' results as Markdown and as an HTML page with one log-log chart per pattern (time
 * per operation against N, one line per strategy and per JDBC read), drawn by the tour's
 * {@link LogLogChart}. CPU times are shown with their ratio to the JDBC floor measured in the same
 * run, then bytes allocated and wall time.
 */
public final class BenchReport {

    private final String database;
    private final String setup;
    private final List<Measured> measured;
    private final List<String> notes;
    private final String jdbcPrefix;
    private final Map<String, Map<String, String>> floors;
    private Map<String, List<String>> compared = Map.of();

    /**
     * @param floors per pattern, strategy name → the name of the JDBC read that is its floor
     */
    public BenchReport(String database, String setup, List<Measured> measured, List<String> notes, String jdbcPrefix,
            Map<String, Map<String, String>> floors) {
        this.database = database;
        this.setup = setup;
        this.measured = List.copyOf(measured);
        this.notes = List.copyOf(notes);
        this.jdbcPrefix = jdbcPrefix;
        this.floors = floors;
    }

    /**
     * This report with, for each pattern named in {@code compared}, a table and a chart of those
     * subjects side by side (relmap's reads and their peers, in the given order), each as × its JDBC
     * floor at every N: wall time, CPU, bytes allocated.
     */
    public BenchReport comparing(Map<String, List<String>> compared) {
        this.compared = Map.copyOf(compared);
        return this;
    }

    /** A table: a title, a header and rows of cells. */
    private record Table(String title, List<String> header, List<List<String>> rows) {
    }

    private List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (String group : groups()) {
            if (group.startsWith("reads of ")) {
                tables.add(reads(group));
            }
        }
        compared.keySet().stream().sorted().filter(pattern -> groups().contains("reads of " + pattern))
                .forEach(pattern -> tables.add(sideBySide(pattern)));
        if (groups().contains("levers")) {
            tables.add(levers());
        }
        if (groups().contains("writes")) {
            tables.add(flat("writes", "Writes: one author with its books, flushed and rolled back", "variant",
                    Measured::subject, "JDBC batch", ""));
        }
        if (groups().contains("kit")) {
            tables.add(flat("kit", "The statement-counting kit's cost per statement", "pool", Measured::subject,
                    "raw pool", ""));
        }
        return tables;
    }

    private List<String> groups() {
        return measured.stream().map(Measured::group).distinct().toList();
    }

    private Table reads(String group) {
        String pattern = group.substring("reads of ".length());
        List<Measured> rows = measured.stream().filter(m -> m.group().equals(group)).toList();
        TreeSet<Integer> sizes = new TreeSet<>(rows.stream().map(Measured::n).toList());
        List<String> header = new ArrayList<>(List.of("strategy"));
        sizes.forEach(n -> header.add("N = " + n));
        List<List<String>> cells = new ArrayList<>();
        for (String subject : subjects(rows)) {
            List<String> line = new ArrayList<>(List.of(subject));
            for (int n : sizes) {
                Optional<Measured> m = rows.stream().filter(r -> r.subject().equals(subject) && r.n() == n).findFirst();
                Optional<Measured> floor = floorOf(pattern, subject, n);
                line.add(m.map(r -> cpu(r.cpuMicros()) + (subject.startsWith(jdbcPrefix) ? ""
                        : floor.map(f -> String.format(Locale.ROOT, " (%.2f×)", r.cpuMicros() / f.cpuMicros())).orElse(""))
                        + " · " + kilobytes(r.bytes()) + " · wall " + time(r)
                        + (subject.startsWith(jdbcPrefix) ? "" : floor.map(f -> " (" + wallRatio(r, Optional.of(f)) + ")").orElse("")))
                        .orElse("–"));
            }
            cells.add(line);
        }
        return new Table("Reads of " + pattern + ": CPU per operation (× its JDBC floor) · allocated · wall time (× its JDBC floor)",
                header, cells);
    }

    /** The subjects {@link #comparing} names for {@code pattern}, those measured, at every N: × the JDBC floor. */
    private Table sideBySide(String pattern) {
        List<Measured> rows = measured.stream().filter(m -> m.group().equals("reads of " + pattern)).toList();
        TreeSet<Integer> sizes = new TreeSet<>(rows.stream().map(Measured::n).toList());
        List<String> header = new ArrayList<>(List.of("read"));
        sizes.forEach(n -> header.add("N = " + n + ": wall · CPU · allocated"));
        List<List<String>> cells = new ArrayList<>();
        for (String subject : compared.get(pattern)) {
            if (rows.stream().noneMatch(r -> r.subject().equals(subject))) {
                continue;
            }
            List<String> line = new ArrayList<>(List.of(subject));
            for (int n : sizes) {
                Optional<Measured> m = rows.stream().filter(r -> r.subject().equals(subject) && r.n() == n
                        && r.pool().equals("raw pool")).findFirst();
                Optional<Measured> floor = subject.startsWith(jdbcPrefix) ? m : floorOf(pattern, subject, n);
                line.add(m.map(r -> wallRatio(r, floor) + " · " + ratio(r, floor) + " · " + floor
                        .map(f -> String.format(Locale.ROOT, "%.2f×", r.bytes() / f.bytes())).orElse("–"))
                        .orElse("–"));
            }
            cells.add(line);
        }
        return new Table("Side by side: " + pattern + ", wall time · CPU · bytes allocated, each × its JDBC floor",
                header, cells);
    }

    /**
     * Per pattern {@link #comparing} names and this report measured, a standalone SVG: wall time per
     * operation against N, log-log, one line per compared subject, with its legend drawn in.
     */
    public Map<String, String> charts() {
        Map<String, String> charts = new LinkedHashMap<>();
        compared.keySet().stream().sorted().filter(pattern -> groups().contains("reads of " + pattern))
                .forEach(pattern -> {
                    List<LogLogChart.Series> series = new ArrayList<>();
                    for (String subject : compared.get(pattern)) {
                        List<LogLogChart.Point> points = measured.stream()
                                .filter(m -> m.group().equals("reads of " + pattern) && m.subject().equals(subject)
                                        && m.pool().equals("raw pool"))
                                .map(m -> new LogLogChart.Point(m.n(), (int) Math.max(1, Math.round(
                                        m.unit().startsWith("ns") ? m.score() / 1000 : m.score()))))
                                .toList();
                        if (!points.isEmpty()) {
                            series.add(new LogLogChart.Series(subject, subject.contains("N+1"), points));
                        }
                    }
                    charts.put(pattern, withLegend(LogLogChart.svg(pattern + " on " + database + ", side by side",
                            "N (roots)", "wall µs per operation", series)));
                });
        return charts;
    }

    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile(
            "<path d=\"[^\"]*\" fill=\"none\" stroke=\"([^\"]+)\" stroke-width=\"([^\"]+)\""
                    + " stroke-dasharray=\"([^\"]*)\"[^>]*>\\n<circle[^>]*><title>(.*?): \\d+ at N");

    /**
     * {@code chart} (a {@link LogLogChart#svg}, each line's path followed by its markers, titled with
     * its label) inside a taller SVG that names every line under the plot, in its colour and dash.
     */
    static String withLegend(String chart) {
        List<String[]> lines = new ArrayList<>();
        java.util.regex.Matcher matcher = PATH.matcher(chart);
        while (matcher.find()) {
            lines.add(new String[] {matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)});
        }
        int width = 760;
        int chartHeight = 400;
        int height = chartHeight + 10 + 18 * lines.size();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect x=\"0\" y=\"0\" width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>%n",
                width, height, width, height));
        svg.append(chart);
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            int y = chartHeight + 4 + 18 * i;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"70\" y1=\"%d\" x2=\"106\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\""
                            + " stroke-dasharray=\"%s\"/><text x=\"114\" y=\"%d\">%s</text>%n",
                    y, y, line[0], line[1], line[2], y + 4, line[3]));
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * One-to-many's reads with each lever: CPU per operation, its ratio to the same read as relmap
     * ships it (raw pool, no lever), its CPU and wall-time ratios to the JDBC floor on the same pool,
     * bytes.
     */
    private Table levers() {
        List<Measured> rows = measured.stream().filter(m -> m.group().equals("levers")).toList();
        TreeSet<Integer> sizes = new TreeSet<>(rows.stream().map(Measured::n).toList());
        List<String> header = new ArrayList<>(List.of("read (pool, lever)"));
        sizes.forEach(n -> header.add("N = " + n + ": CPU · × as shipped · × JDBC · wall × JDBC · allocated"));
        Map<String, String> floors = this.floors.getOrDefault("one-to-many", Map.of());
        List<List<String>> cells = new ArrayList<>();
        for (Measured first : rows.stream().filter(m -> m.n() == sizes.first()).toList()) {
            List<String> line = new ArrayList<>(List.of(first.subject() + " (" + first.pool() + ")"));
            for (int n : sizes) {
                Optional<Measured> m = rows.stream()
                        .filter(r -> r.n() == n && r.subject().equals(first.subject()) && r.pool().equals(first.pool()))
                        .findFirst();
                Optional<Measured> shipped = rows.stream()
                        .filter(r -> r.n() == n && r.subject().equals(first.subject()) && r.pool().equals("raw pool"))
                        .findFirst();
                String pool = first.pool().startsWith("kit") ? "kit" : "raw pool";
                Optional<Measured> floor = Optional.ofNullable(floors.get(first.subject())).flatMap(read -> rows.stream()
                        .filter(r -> r.n() == n && r.subject().equals(jdbcPrefix + read) && r.pool().equals(pool))
                        .findFirst());
                line.add(m.map(r -> cpu(r.cpuMicros()) + " · " + ratio(r, shipped) + " · "
                        + (r.subject().startsWith(jdbcPrefix) ? "– · –" : ratio(r, floor) + " · " + wallRatio(r, floor))
                        + " · " + kilobytes(r.bytes()))
                        .orElse("–"));
            }
            cells.add(line);
        }
        return new Table("Levers on the entity gap: one-to-many, each read beside itself as relmap ships it"
                + " and beside its JDBC floor on the same pool", header, cells);
    }

    private static String wallRatio(Measured measured, Optional<Measured> base) {
        return base.filter(b -> b.unit().equals(measured.unit()))
                .map(b -> String.format(Locale.ROOT, "%.2f×", measured.score() / b.score())).orElse("–");
    }

    private static String ratio(Measured measured, Optional<Measured> base) {
        return base.map(b -> String.format(Locale.ROOT, "%.2f×", measured.cpuMicros() / b.cpuMicros())).orElse("–");
    }

    private Optional<Measured> floorOf(String pattern, String strategy, int n) {
        String read = floors.getOrDefault(pattern, Map.of()).get(strategy);
        return read == null ? Optional.empty() : measured.stream()
                .filter(m -> m.group().equals("reads of " + pattern) && m.n() == n
                        && m.subject().equals(jdbcPrefix + read) && m.pool().equals("raw pool"))
                .findFirst();
    }

    private interface Label {
        String of(Measured measured);
    }

    private Table flat(String group, String title, String what, Label label, String baseSubject, String basePool) {
        List<Measured> rows = measured.stream().filter(m -> m.group().equals(group)).toList();
        Optional<Measured> base = rows.stream()
                .filter(m -> m.subject().equals(baseSubject) && (basePool.isEmpty() || m.pool().equals(basePool)))
                .findFirst();
        List<List<String>> cells = new ArrayList<>();
        for (Measured m : rows) {
            cells.add(List.of(label.of(m), cpu(m.cpuMicros()),
                    base.map(b -> String.format(Locale.ROOT, "%.2f×", m.cpuMicros() / b.cpuMicros())).orElse("–"),
                    kilobytes(m.bytes()), time(m)));
        }
        String n = rows.isEmpty() || rows.get(0).n() == 0 ? ""
                : group.equals("writes") ? " (" + rows.get(0).n() + " books)" : " (N = " + rows.get(0).n() + ")";
        return new Table(title + n, List.of(what, "CPU per operation", "× " + baseSubject, "allocated", "wall time"),
                cells);
    }

    private static List<String> subjects(List<Measured> rows) {
        return rows.stream().map(Measured::subject).distinct().toList();
    }

    private static String time(Measured m) {
        String unit = m.unit().startsWith("ns") ? "ns" : "µs";
        double value = m.score();
        String shown = value >= 10_000 && unit.equals("µs")
                ? String.format(Locale.ROOT, "%.1f ms", value / 1000)
                : String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, unit);
        return Double.isNaN(m.error()) || m.error() == 0 ? shown
                : shown + String.format(Locale.ROOT, " ±%.0f%%", 100 * m.error() / value);
    }

    private static String cpu(double micros) {
        if (Double.isNaN(micros)) {
            return "–";
        }
        return micros >= 10_000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000)
                : micros >= 100 ? String.format(Locale.ROOT, "%.0f µs", micros)
                : String.format(Locale.ROOT, "%.2f µs", micros);
    }

    private static String kilobytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return "–";
        }
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1024 / 1024)
                : bytes >= 1024 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1024)
                : String.format(Locale.ROOT, "%.0f B", bytes);
    }

    /** The report as Markdown. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# relmap benchmarks on " + database + "\n\n" + setup + "\n\n");
        for (Table table : tables()) {
            md.append("## ").append(table.title()).append("\n\n");
            md.append("| ").append(String.join(" | ", table.header())).append(" |\n");
            md.append("|").append("---|".repeat(table.header().size())).append("\n");
            for (List<String> row : table.rows()) {
                md.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
                        .append(" |\n");
            }
            md.append("\n");
        }
        notes.forEach(note -> md.append("- ").append(note).append("\n"));
        return md.toString();
    }

    /** The report as one HTML page: the same tables, and a log-log chart per pattern. */
    public String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>relmap benchmarks on " + HtmlReport.escape(database) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px}"
                + "td+td{text-align:right;font-variant-numeric:tabular-nums}</style></head><body>\n");
        html.append("<h1>relmap benchmarks on ").append(HtmlReport.escape(database)).append("</h1>\n<p>")
                .append(HtmlReport.escape(setup)).append("</p>\n");
        for (Table table : tables()) {
            html.append("<h2>").append(HtmlReport.escape(table.title())).append("</h2>\n<table><tr>");
            table.header().forEach(h -> html.append("<th>").append(HtmlReport.escape(h)).append("</th>"));
            html.append("</tr>\n");
            for (List<String> row : table.rows()) {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td>").append(HtmlReport.escape(cell)).append("</td>"));
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        for (String group : groups()) {
            if (group.startsWith("reads of ")) {
                List<LogLogChart.Series> series = series(group);
                html.append(LogLogChart.svg(group, "N (roots)", "CPU µs per operation", series));
                html.append(LogLogChart.legend(series));
            }
        }
        html.append("<ul>\n");
        notes.forEach(note -> html.append("<li>").append(HtmlReport.escape(note)).append("</li>\n"));
        return html.append("</ul>\n</body></html>\n").toString();
    }

    private List<LogLogChart.Series> series(String group) {
        Map<String, List<LogLogChart.Point>> points = new LinkedHashMap<>();
        measured.stream().filter(m -> m.group().equals(group)).forEach(m -> points
                .computeIfAbsent(m.subject(), key -> new ArrayList<>())
                .add(new LogLogChart.Point(m.n(), (int) Math.max(1, Math.round(m.cpuMicros())))));
        return points.entrySet().stream()
                .map(e -> new LogLogChart.Series(e.getKey(), e.getKey().contains("N+1"), e.getValue()))
                .toList();
    }
}
