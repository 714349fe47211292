package dev.relmap.tour;

import dev.relmap.catalog.StrategyRun;
import dev.relmap.sqlcount.ExecutedStatement;
import dev.relmap.sqlcount.ShapeSummary;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.hibernate.engine.jdbc.internal.FormatStyle;

/**
 * The tour's text output: one table per pattern, and optionally each strategy's SQL.
 *
 * <pre>
 * Strategy     SELECT  INSERT  UPDATE  DELETE  round trips  batches  rows    ms  flag  as promised
 * Lazy           1001       0       0       0         1001        0  3000  95.2  N+1   ✓ 1 + N
 * JOIN FETCH        1       0       0       0            1        0  3000   4.1        ✓ 1
 * </pre>
 *
 * @param unicode whether the output can show ✓ and ✗; otherwise "ok" and "NO"
 */
record ConsoleTable(boolean unicode) {

    private record Column(String header, boolean numeric, Function<StrategyRun, String> value) {
    }

    /** The table of every strategy's run at one size. */
    String render(List<StrategyRun> runs) {
        List<Column> columns = columns(runs);
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::header).toList());
        runs.forEach(run -> rows.add(columns.stream().map(column -> column.value().apply(run)).toList()));

        int[] widths = new int[columns.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                String cell = rows.get(r).get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                line.append("  ");
                line.append(columns.get(i).numeric() ? padding + cell : cell + padding);
            }
            text.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                text.append("  ").append("-".repeat(line.length() - 2)).append('\n');
            }
        }
        return text.toString();
    }

    private List<Column> columns(List<StrategyRun> runs) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Strategy", false, run -> run.strategy().name()));
        for (StatementKind kind : kindsShown(runs)) {
            columns.add(new Column(kind.name(), true, run -> count(run.report().statementCount(kind))));
        }
        columns.add(new Column("round trips", true, run -> count(run.report().roundTrips())));
        columns.add(new Column("batches", true, run -> count(run.report().batches())));
        columns.add(new Column("rows", true, run -> count(run.rows())));
        columns.add(new Column("ms", true, run -> String.format(Locale.ROOT, "%.1f", run.nanos() / 1e6)));
        columns.add(new Column("flag", false, ConsoleTable::flag));
        columns.add(new Column("as promised", false, this::promise));
        return columns;
    }

    /** SELECT, INSERT, UPDATE and DELETE always; sequence calls and other statements only when some run had one. */
    static List<StatementKind> kindsShown(List<StrategyRun> runs) {
        return Arrays.stream(StatementKind.values())
                .filter(kind -> (kind != StatementKind.SEQUENCE && kind != StatementKind.OTHER)
                        || runs.stream().anyMatch(run -> run.report().statementCount(kind) > 0))
                .toList();
    }

    private static String count(int value) {
        return Integer.toString(value);
    }

    /** What the kit saw: the N+1 problem, or batch fetching (repeated, but not per row). */
    static String flag(StrategyRun run) {
        if (run.report().hasNPlusOne()) {
            return "N+1";
        }
        return run.report().batchFetches().isEmpty() ? "" : "batch";
    }

    /** "✓ 1 + N" when the run matches its formulas and N+1 verdict; otherwise what was expected. */
    String promise(StrategyRun run) {
        String formula = run.strategy().selects().text();
        if (run.keepsItsPromise()) {
            return (unicode ? "✓ " : "ok ") + formula;
        }
        int promised = run.strategy().selects().at(run.n());
        int promisedRows = run.strategy().rows().at(run.n());
        String expected;
        if (run.report().selects() != promised) {
            expected = "expected " + (formula.equals(Integer.toString(promised)) ? formula : formula + " = " + promised)
                    + " SELECT" + (promised == 1 ? "" : "s");
        } else if (run.rows() != promisedRows) {
            expected = "expected " + promisedRows + " row" + (promisedRows == 1 ? "" : "s");
        } else {
            expected = "expected " + (run.strategy().nPlusOne().flaggedAt(run.n()) ? "N+1" : "no N+1");
        }
        return (unicode ? "✗ " : "NO ") + expected;
    }

    /** Hibernate's own formatting, one clause per line, without its leading blank line and indentation. */
    private static List<String> formatted(String sql) {
        List<String> lines = FormatStyle.BASIC.getFormatter().format(sql).lines()
                .map(String::stripTrailing)
                .filter(line -> !line.isEmpty())
                .toList();
        int indent = lines.stream().mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.substring(indent)).toList();
    }

    /** Each strategy's statements, one formatted SQL per shape, with how often it ran. */
    String sql(List<StrategyRun> runs) {
        StringBuilder text = new StringBuilder();
        for (StrategyRun run : runs) {
            SqlReport report = run.report();
            text.append("\n  -- ").append(run.strategy().name()).append(": ").append(report.summary()).append('\n');
            for (ShapeSummary shape : report.shapes()) {
                text.append("  -- ").append(shape.headline()).append('\n');
                String sql = report.statements().stream()
                        .filter(statement -> statement.shape().equals(shape.shape()))
                        .map(ExecutedStatement::sql)
                        .findFirst()
                        .orElse(shape.shape());
                formatted(sql).forEach(line -> text.append("    ").append(line).append('\n'));
            }
        }
        return text.toString();
    }
}
