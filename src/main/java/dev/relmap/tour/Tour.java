package dev.relmap.tour;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.DatabaseUnavailableException;
import dev.relmap.catalog.StrategyRun;
import dev.relmap.pattern.MappingPattern;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The tour: every pattern, every loading strategy, what it costs in statements and time, measured
 * live on H2 (or PostgreSQL or MariaDB with {@code --db}), plus an HTML report with a chart per
 * pattern. Run it with {@code mvn -q compile exec:java}; {@code --help} lists the options.
 *
 * <p>Patterns are found on the class path ({@link MappingPattern#all()}); a new one shows up here without
 * a change to this class.
 */
public final class Tour {

    /** The sizes the report charts, so a 1 + N line rises over three decades while 1 stays flat. */
    public static final List<Integer> CHART_SIZES = List.of(1, 10, 100, 1000);

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BROKEN_PROMISE = 3;

    // Held here so the levels stick: java.util.logging keeps only weak references to loggers.
    private static final List<Logger> QUIET_LOGGERS =
            List.of(Logger.getLogger("org.hibernate"), Logger.getLogger("com.zaxxer"));

    private final PrintStream out;
    private final PrintStream err;
    private final ConsoleTable table;

    public Tour(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.table = new ConsoleTable(consoleCanShow("✓✗"));
    }

    public static void main(String[] args) {
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
        int code = new Tour(System.out, System.err).run(args);
        System.out.flush();
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Parses {@code args} and runs the tour over every pattern on the class path. */
    public int run(String... args) {
        TourOptions options;
        try {
            options = TourOptions.parse(args);
        } catch (TourOptions.UsageException e) {
            return usage(e.getMessage());
        }
        if (options.help()) {
            out.print(TourOptions.USAGE);
            return OK;
        }
        return run(options, MappingPattern.all());
    }

    /**
     * Runs the tour over {@code available}, restricted to {@code options.patterns()} when given.
     *
     * @return {@link #OK}, {@link #FAILED}, {@link #USAGE} or {@link #BROKEN_PROMISE}
     */
    public int run(TourOptions options, List<MappingPattern> available) {
        List<MappingPattern> patterns;
        try {
            patterns = select(options.patterns(), available);
        } catch (TourOptions.UsageException e) {
            return usage(e.getMessage());
        }
        try {
            return tour(options, DatabaseSettings.of(options.database()), patterns);
        } catch (DatabaseUnavailableException e) {
            err.println("relmap tour: " + e.getMessage());
            return FAILED;
        }
    }

    private int tour(TourOptions options, DatabaseSettings settings, List<MappingPattern> patterns) {
        if (patterns.isEmpty()) {
            out.println("No pattern is on the class path: register one in "
                    + "META-INF/services/" + MappingPattern.class.getName());
            return OK;
        }
        Optional<String> unwritable = options.report().flatMap(Tour::cannotWrite);
        if (unwritable.isPresent()) {
            // Checked before measuring: minutes of measurement should not end in a report that cannot be saved.
            err.println("relmap tour: cannot write the report to " + options.report().get() + ": " + unwritable.get()
                    + " (give another --report PATH, or --no-report)");
            return FAILED;
        }
        int n = options.n();
        Set<Integer> sizes = new LinkedHashSet<>();
        if (options.report().isPresent()) {
            sizes.addAll(CHART_SIZES);
        }
        sizes.add(n);

        long families = patterns.stream().map(MappingPattern::family).distinct().count();
        out.printf("relmap tour on %s, N = %d, %s%n", settings, n, count(families, "pattern")
                + (families == patterns.size() ? "" : " in " + count(patterns.size(), "variant")));
        out.printf("ms: wall time, the median of %d runs of each strategy after %s, in rotating order;"
                + " compare the strategies of one table. Beside hand-written JDBC: mvn -Pbench test-compile exec:exec"
                + " (docs/benchmarks.md).%n", PatternMeasurement.TIMED_ROUNDS,
                count(PatternMeasurement.WARM_UP_ROUNDS, "warm-up run"));
        List<PatternMeasurement> measurements = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String family = null;
        for (MappingPattern pattern : patterns) {
            if (!pattern.family().equals(family)) {
                family = pattern.family();
                printFamily(family, patterns);
            }
            try {
                PatternMeasurement measurement = PatternMeasurement.measure(pattern, settings, sizes, n);
                measurements.add(measurement);
                print(measurement, n, options.sql());
            } catch (DatabaseUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                if (connectionLost(e)) {
                    throw new DatabaseUnavailableException("Lost the connection to " + settings + " during pattern "
                            + pattern.name() + ": " + rootMessage(e) + " (start the server and run the tour again)", e);
                }
                // One broken pattern should not hide the others' tables; its stack trace says why.
                err.printf("%nrelmap tour: pattern %s failed: %s%n", pattern.name(), e);
                e.printStackTrace(err);
                failed.add(pattern.name());
            }
        }

        List<StrategyRun> broken = measurements.stream()
                .flatMap(measurement -> measurement.brokenPromises().stream())
                .toList();
        boolean reported = options.report().map(path -> writeReport(path, settings, options, measurements)).orElse(true);
        if (!broken.isEmpty()) {
            err.printf("%nBroken promises (%d):%n", broken.size());
            broken.forEach(run -> err.printf("  %s at N = %d: %d SELECTs%s; %s%n",
                    run.strategy().name(), run.n(), run.report().selects(),
                    run.report().hasNPlusOne() ? ", N+1" : "", table.promise(run)));
        }
        if (!failed.isEmpty()) {
            err.printf("%nrelmap tour: %s failed%n", String.join(", ", failed));
            return FAILED;
        }
        if (!reported) {
            return FAILED;
        }
        if (!broken.isEmpty()) {
            return BROKEN_PROMISE;
        }
        int strategies = measurements.stream().mapToInt(m -> m.pattern().strategies().size()).sum();
        out.printf("%nEvery strategy issued the SELECTs and read the rows it promises (%d strategies, N = %s).%n",
                strategies, sizes.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
        return OK;
    }

    /** The heading of a pattern's variants, which the service file lists one after another. */
    private void printFamily(String family, List<MappingPattern> patterns) {
        long variants = patterns.stream().filter(p -> p.family().equals(family)).count();
        out.printf("%n== %s%s ==%n", family, variants == 1 ? "" : " (" + count(variants, "variant") + ")");
    }

    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private void print(PatternMeasurement measurement, int n, boolean sql) {
        MappingPattern pattern = measurement.pattern();
        out.printf("%n%s  [%s, N = %d]%n", pattern.title(), pattern.name(), n);
        List<StrategyRun> runs = measurement.runsAt(n);
        out.print(table.render(runs));
        if (sql) {
            out.print(table.sql(runs));
        }
        out.flush();
    }

    private boolean writeReport(Path path, DatabaseSettings settings, TourOptions options, List<PatternMeasurement> measurements) {
        try {
            HtmlReport.write(path, settings, options.n(), measurements);
            out.printf("%nReport: %s%n", path);
            return true;
        } catch (IOException e) {
            err.println("relmap tour: cannot write the report to " + path + ": " + e.getMessage());
            return false;
        }
    }

    /** Why the report cannot be written to {@code path}, if it cannot; creates its folder when missing. */
    static Optional<String> cannotWrite(Path path) {
        Path file = path.toAbsolutePath();
        if (Files.isDirectory(file)) {
            return Optional.of("it is a directory");
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return Optional.of("its folder cannot be created (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(file.getParent())) {
            return Optional.of("it is not writable");
        }
        return Optional.empty();
    }

    /**
     * Whether {@code failure} is the database going away rather than a broken pattern: a JDBC
     * connection error (SQLState class 08, or PostgreSQL's 57P0x when the server shuts down or ends
     * the session) anywhere in its causes.
     */
    static boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLRecoverableException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse(root.toString());
    }

    /** The patterns named, in the order given, or all of them; an unknown name is a usage error. */
    static List<MappingPattern> select(List<String> names, List<MappingPattern> available) {
        if (names.isEmpty()) {
            return available;
        }
        List<MappingPattern> selected = new ArrayList<>();
        for (String name : names) {
            MappingPattern pattern = available.stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new TourOptions.UsageException("Unknown pattern '" + name + "': expected "
                            + (available.isEmpty() ? "none, no pattern is on the class path"
                                    : "one of " + available.stream().map(MappingPattern::name)
                                            .collect(Collectors.joining(", ")))));
            if (!selected.contains(pattern)) {
                selected.add(pattern);
            }
        }
        return selected;
    }

    private int usage(String message) {
        err.println("relmap tour: " + message);
        err.print(TourOptions.USAGE);
        return USAGE;
    }

    /** Whether the stream's encoding can show these characters (a plain-ASCII console cannot). */
    private static boolean consoleCanShow(String characters) {
        String encoding = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        Charset charset = encoding != null && Charset.isSupported(encoding)
                ? Charset.forName(encoding)
                : Charset.defaultCharset();
        return charset.newEncoder().canEncode(characters);
    }
}
