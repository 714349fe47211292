package dev.relmap.tour;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.catalog.StrategyRun;
import dev.relmap.pattern.Strategy;
import dev.relmap.sqlcount.StatementKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tour's HTML report: one self-contained file (inline CSS and SVG, no script, nothing fetched)
 * with, per pattern, a log-log chart of data SELECTs against N for every strategy, the table at
 * the tour's N, the SELECTs at every measured N, and the SQL each strategy ran.
 *
 * <p>It reads in a window 1000 px wide without scrolling sideways: the chart is 760 px, the legend
 * wraps under it when there is no room beside it, table text wraps (numbers do not), and long SQL
 * scrolls inside its own box.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1180px; color: #222; padding: 0 16px; }
            h1 { margin-bottom: 4px; } h2.family { margin-top: 48px; font-size: 1.6em; }
            h3 { margin-top: 36px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            .meta { color: #555; margin-top: 0; }
            .chart { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px; }
            .legend { list-style: none; padding: 0; margin: 12px 0; flex: 1 1 240px; }
            .legend li { margin: 6px 0; display: grid; grid-template-columns: 42px 1fr; align-items: center; }
            .legend li span { grid-column: 2; } .legend svg { grid-row: 1; }
            .n1 { color: #b00; }
            table { border-collapse: collapse; margin: 12px 0; font-size: 13px; }
            th, td { border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; } th { background: #f5f5f5; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.ok { color: #080; } td.broken { color: #b00; font-weight: bold; }
            pre { background: #f7f7f7; padding: 8px; overflow-x: auto; font-size: 12px; }
            code.method { font-size: 11px; color: #555; overflow-wrap: anywhere; } .jpql p, .sql p { margin: 6px 0 0; font-weight: bold; }
            details { margin: 4px 0; }
            """;

    private HtmlReport() {
    }

    /** Writes the report to {@code path}, creating its folder if needed. */
    public static void write(Path path, DatabaseSettings settings, int n, List<PatternMeasurement> measurements)
            throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Files.writeString(path, html(settings, n, measurements), StandardCharsets.UTF_8);
    }

    /** The report as one HTML document. */
    public static String html(DatabaseSettings settings, int n, List<PatternMeasurement> measurements) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>relmap report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>relmap report</h1>\n")
                .append("<p class=\"meta\">").append(escape(settings.database().key())).append(" at ")
                .append(escape(settings.url())).append(" · Hibernate ").append(escape(org.hibernate.Version.getVersionString()))
                .append(" · tables at N = ").append(n).append(" · ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("</p>\n")
                .append("<p>Each chart plots the data SELECTs a strategy issued against N, the number of roots seeded,")
                .append(" both on log scales: an N+1 strategy climbs a decade per decade of N, a strategy that")
                .append(" keeps its promise of a constant count stays flat. Strategies with the same count at every N share a line")
                .append(" and one legend entry that names them all;")
                .append(" the tables under each chart give every value. Every number was measured in this run.</p>\n");
        if (measurements.isEmpty()) {
            html.append("<p>No pattern was run.</p>\n");
        } else {
            html.append("<nav><ul>\n");
            families(measurements).forEach((family, members) -> {
                html.append("<li>").append(escape(family)).append("<ul>\n");
                members.forEach(m -> html.append("<li><a href=\"#").append(escape(m.pattern().name())).append("\">")
                        .append(escape(m.pattern().title())).append("</a></li>\n"));
                html.append("</ul></li>\n");
            });
            html.append("</ul></nav>\n");
        }
        families(measurements).forEach((family, members) -> {
            html.append("<h2 class=\"family\">").append(escape(family)).append("</h2>\n");
            members.forEach(measurement -> pattern(html, measurement, n));
        });
        return html.append("</body>\n</html>\n").toString();
    }

    /** The measurements grouped by the pattern they are variants of, in their order. */
    private static Map<String, List<PatternMeasurement>> families(List<PatternMeasurement> measurements) {
        Map<String, List<PatternMeasurement>> families = new LinkedHashMap<>();
        measurements.forEach(m -> families.computeIfAbsent(m.pattern().family(), f -> new ArrayList<>()).add(m));
        return families;
    }

    private static void pattern(StringBuilder html, PatternMeasurement measurement, int n) {
        String title = measurement.pattern().title();
        html.append("<section id=\"").append(escape(measurement.pattern().name())).append("\">\n<h3>")
                .append(escape(title)).append(" <small>(")
                .append(escape(measurement.pattern().name())).append(")</small></h3>\n");

        List<LogLogChart.Series> series = new ArrayList<>();
        List<Strategy> strategies = measurement.pattern().strategies();
        for (int i = 0; i < strategies.size(); i++) {
            int index = i;
            List<LogLogChart.Point> points = measurement.sizes().stream()
                    .map(size -> new LogLogChart.Point(size, measurement.runsAt(size).get(index).report().selects()))
                    .toList();
            Strategy strategy = strategies.get(i);
            series.add(new LogLogChart.Series(
                    strategy.name() + " — " + strategy.selects().text(), strategy.isNPlusOne(), points));
        }
        html.append("<div class=\"chart\">\n")
                .append(LogLogChart.svg(title, "N (roots seeded, log scale)", "data SELECTs (log scale)", series))
                .append(LogLogChart.legend(series))
                .append("</div>\n");

        html.append("<h4>At N = ").append(n).append("</h4>\n");
        runsTable(html, measurement.runsAt(n));
        html.append("<h4>Data SELECTs at each N</h4>\n");
        selectsBySize(html, measurement);
        html.append("<h4>SQL at N = ").append(n).append("</h4>\n");
        for (StrategyRun run : measurement.runsAt(n)) {
            html.append("<details><summary>").append(escape(run.strategy().name()));
            Optional.ofNullable(run.method()).ifPresent(method -> html.append(" — <code>").append(escape(method)).append("</code>"));
            html.append(": ").append(escape(run.report().summary())).append("</summary>\n");
            if (!run.queries().isEmpty()) {
                html.append("<div class=\"jpql\"><p>JPQL</p><pre>")
                        .append(escape(String.join("\n\n", run.queries()))).append("</pre></div>\n");
            }
            html.append("<div class=\"sql\"><p>SQL</p><pre>")
                    .append(escape(new ConsoleTable(true).sql(List.of(run)).strip()))
                    .append("</pre></div></details>\n");
        }
        html.append("</section>\n");
    }

    private static void runsTable(StringBuilder html, List<StrategyRun> runs) {
        List<StatementKind> kinds = ConsoleTable.kindsShown(runs);
        html.append("<table>\n<tr><th>Strategy</th>");
        for (StatementKind kind : kinds) {
            html.append("<th>").append(kind).append("</th>");
        }
        html.append("<th>round trips</th><th>batches</th><th>rows</th><th>ms</th><th>flag</th><th>as promised</th><th>What it does</th></tr>\n");
        ConsoleTable console = new ConsoleTable(true);
        for (StrategyRun run : runs) {
            html.append("<tr><td class=\"name\">").append(escape(run.strategy().name()));
            // A break opportunity after the class name: a long method name must not widen the table.
            Optional.ofNullable(run.method()).ifPresent(method -> html.append("<br><code class=\"method\">")
                    .append(escape(method).replace(".", ".<wbr>")).append("</code>"));
            html.append("</td>");
            for (StatementKind kind : kinds) {
                number(html, run.report().statementCount(kind));
            }
            number(html, run.report().roundTrips());
            number(html, run.report().batches());
            number(html, run.rows());
            html.append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.1f", run.nanos() / 1e6)).append("</td>");
            html.append("<td>").append(ConsoleTable.flag(run)).append("</td>");
            html.append("<td class=\"").append(run.keepsItsPromise() ? "ok" : "broken").append("\">")
                    .append(escape(console.promise(run))).append("</td><td class=\"desc\">")
                    .append(escape(run.strategy().description())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void selectsBySize(StringBuilder html, PatternMeasurement measurement) {
        html.append("<table>\n<tr><th>Strategy</th><th>promised</th>");
        measurement.sizes().forEach(size -> html.append("<th>N = ").append(size).append("</th>"));
        html.append("</tr>\n");
        List<Strategy> strategies = measurement.pattern().strategies();
        for (int i = 0; i < strategies.size(); i++) {
            html.append("<tr><td>").append(escape(strategies.get(i).name())).append("</td><td>")
                    .append(escape(strategies.get(i).selects().text())).append("</td>");
            for (int size : measurement.sizes()) {
                number(html, measurement.runsAt(size).get(i).report().selects());
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void number(StringBuilder html, int value) {
        html.append("<td class=\"num\">").append(value).append("</td>");
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
