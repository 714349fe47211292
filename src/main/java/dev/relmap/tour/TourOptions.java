package dev.relmap.tour;

import dev.relmap.bootstrap.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tour's command line, parsed.
 *
 * @param database where to run: {@code --db}, else the one {@code relmap.db} names, else H2 in memory
 * @param n how many roots each pattern is seeded with for its table
 * @param patterns the pattern names asked for with {@code --pattern}; empty means all
 * @param sql whether to print each strategy's SQL
 * @param report where to write the HTML report, or empty for none ({@code --no-report})
 * @param help whether {@code --help} was given
 */
public record TourOptions(
        Database database, int n, List<String> patterns, boolean sql, Optional<Path> report, boolean help) {

    /** Enough roots that the N+1 strategy stands out: 1 + 1000 SELECTs against 1 or 2. */
    public static final int DEFAULT_N = 1000;

    /** The largest N the tour accepts; the lazy strategies issue 1 + N SELECTs. */
    public static final int MAX_N = 100_000;

    public static final Path DEFAULT_REPORT = Path.of("target", "relmap-report.html");

    public static final String USAGE = """
            Usage: mvn -q compile exec:java -Dexec.args="[options]"

              --db h2|postgresql|mariadb   database to run on (default h2 in memory, or -Drelmap.db)
              --n N                        roots to seed per pattern (default %d)
              --pattern NAME[,NAME...]     only these patterns (repeatable; default all)
              --sql                        print the SQL each strategy ran, formatted
              --report PATH                write the HTML report here (default %s)
              --no-report                  do not write the HTML report
              --help                       show this help

            Exit codes: 0 every strategy kept its promise, 1 the database was unreachable, a
            strategy failed or the report cannot be written, 2 bad options, 3 a strategy issued
            other counts than it promises.
            """.formatted(DEFAULT_N, DEFAULT_REPORT);

    public TourOptions {
        patterns = List.copyOf(patterns);
    }

    /** The defaults: H2 (or {@code relmap.db}), N = 1000, every pattern, no SQL, the report in {@code target/}. */
    public static TourOptions defaults() {
        return new TourOptions(defaultDatabase(), DEFAULT_N, List.of(), false, Optional.of(DEFAULT_REPORT), false);
    }

    /** H2, unless {@code -Drelmap.db} or {@code RELMAP_DB} names another, as for the tests. */
    private static Database defaultDatabase() {
        try {
            return Database.current();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (from relmap.db / RELMAP_DB)");
        }
    }

    /**
     * Parses {@code args}; options may be written {@code --n 100} or {@code --n=100}.
     *
     * @throws UsageException naming the option or value that is wrong
     */
    public static TourOptions parse(String... args) {
        Database database = null;
        int n = DEFAULT_N;
        List<String> patterns = new ArrayList<>();
        boolean sql = false;
        Optional<Path> report = Optional.of(DEFAULT_REPORT);
        boolean help = false;

        List<String> queue = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                queue.add(arg.substring(0, equals));
                queue.add(arg.substring(equals + 1));
            } else {
                queue.add(arg);
            }
        }
        for (int i = 0; i < queue.size(); i++) {
            String option = queue.get(i);
            switch (option) {
                case "--db" -> database = database(value(queue, i++, option));
                case "--n" -> n = size(value(queue, i++, option));
                case "--pattern" -> Arrays.stream(value(queue, i++, option).split(","))
                        .map(String::trim)
                        .filter(name -> !name.isEmpty())
                        .forEach(patterns::add);
                case "--sql" -> sql = true;
                case "--report" -> report = Optional.of(Path.of(value(queue, i++, option)));
                case "--no-report" -> report = Optional.empty();
                case "--help", "-h" -> help = true;
                default -> throw new UsageException("Unknown option '" + option + "'");
            }
        }
        // The command line wins: relmap.db / RELMAP_DB is read only when --db is not given.
        return new TourOptions(database != null ? database : defaultDatabase(), n, patterns, sql, report, help);
    }

    private static String value(List<String> args, int index, String option) {
        if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
            throw new UsageException("Option " + option + " needs a value");
        }
        return args.get(index + 1);
    }

    private static Database database(String value) {
        try {
            return Database.fromKey(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int size(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_N) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        throw new UsageException("Bad --n '" + value + "': expected a whole number from 1 to " + MAX_N);
    }

    /** The command line is wrong; the message names what is wrong in one line. */
    public static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
