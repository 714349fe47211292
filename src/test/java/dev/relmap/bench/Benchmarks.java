package dev.relmap.bench;

import dev.relmap.bench.BenchReport;
import dev.relmap.bootstrap.Database;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.testsupport.JdbcBaseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.WarmupMode;

/**
 * Runs the benchmarks on the database {@code relmap.db} names and writes a Markdown table and an
 * HTML report with log-log charts: {@code mvn -Pbench test-compile exec:exec -Drelmap.db=h2}.
 *
 * <p>Beside them, for each pattern with {@link Peer}s in the run, {@code OUT-PATTERN.svg}: wall time
 * against N of the JDBC floor, relmap's reads and the peers, side by side.
 *
 * <p>Arguments, with the defaults of the run docs/benchmarks.md reports: {@code --n=10,100,1000,10000} (roots per read), {@code --only=all} or a comma list of
 * groups: pattern names and {@code writes}, {@code kit}, {@code levers}; {@code --smoke=true} (one
 * iteration of 30 ms without warm-up, in this JVM, to prove everything runs and keeps its
 * promises in seconds); {@code --forks=0}, {@code --warmups=3}, {@code --iterations=4},
 * {@code --millis=250} or {@code --seconds} (per iteration); {@code --out=PATH}
 * (without extension).
 *
 * <p>With {@code --forks=1} each measured configuration runs in a JVM of its own with
 * a fixed, pre-touched heap ({@code -Xms2g -Xmx2g -XX:+AlwaysPreTouch}): without it page faults in
 * the first rounds dominate what is measured. Each such JVM starts, boots Hibernate and seeds its
 * pattern before it measures anything, seconds per configuration. {@code --forks=0} (the default)
 * runs each group in one JVM of its own instead ({@link GroupJvm}, same flags), every configuration of the
 * group inside it. JMH first warms up every configuration of the group, then warms up and measures
 * each in turn, so the first configurations measured do not run half-compiled code; a pattern is
 * seeded (and Hibernate booted) once per N in each of those two passes, and once more per pass for
 * strategies on the kit's pool, not once per configuration. The price:
 * the group's benchmarks share that JVM's JIT profiles and heap (what one benchmark compiled or left
 * behind is there for the next). JMH warns that a run it does not fork may miss JVM options and
 * compiler hints: the group's JVM is started with the options and compiler hints a JMH fork gets.
 *
 * <p>Ratios are taken from the benchmark thread's CPU time per operation ({@link CpuTime}): on a
 * machine shared with other work, wall time measures the wait for a CPU as much as the work.
 */
public final class Benchmarks {

    static final List<String> FORK_JVM_ARGS = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

    private final Map<String, String> args;
    private final boolean smoke;
    /** Where a group's JVM writes its results for the JVM that started it; null in that one. */
    private final Path child;
    private final List<Integer> sizes;
    private final Database database = Database.current();

    private Benchmarks(Map<String, String> args) {
        this.args = args;
        this.smoke = Boolean.parseBoolean(args.getOrDefault("smoke", "false"));
        this.child = args.containsKey("child") ? Path.of(args.get("child")) : null;
        this.sizes = Arrays.stream(args.getOrDefault("n", smoke ? "10" : "10,100,1000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got '" + argument + "'");
            }
            String[] keyValue = argument.substring(2).split("=", 2);
            args.put(keyValue[0], keyValue[1]);
        }
        try {
            new Benchmarks(args).run();
        } catch (Throwable failure) {
            failure.printStackTrace();
            // Exit with the failure even where Hibernate or pool threads are still running.
            System.exit(1);
        }
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        List<Measured> measured = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean groupJvms = !smoke && forks() == 0 && child == null;
        for (String group : groups()) {
            if (groupJvms) {
                GroupJvm.Results results = GroupJvm.run(group, List.of(jvmArgs()), groupArgs());
                measured.addAll(results.measured());
                notes.addAll(results.notes());
            } else {
                measured.addAll(inThisJvm(group, notes));
            }
        }
        if (child != null) {
            GroupJvm.write(child, measured, notes);
            // Hibernate and pool threads must not keep the group's JVM alive.
            System.exit(0);
        }
        Optional<AllocationGuard.Verdict> guard = AllocationGuard.check(database.key(), measured);
        guard.ifPresent(verdict -> notes.add(0, verdict.note()));
        String iteration = millis() % 1000 == 0 ? millis() / 1000 + " s" : millis() + " ms";
        String setup = String.format(java.util.Locale.ROOT,
                "%s, %s; %s; JMH %s, %s; Java %s, %d CPUs; %.0f s in all",
                database.key(), smoke ? "SMOKE (numbers meaningless)"
                        : "CPU time of the benchmark thread per operation, then mean wall time (± JMH's 99.9% interval)",
                "N = " + sizes,
                org.openjdk.jmh.util.Version.getPlainVersion(),
                smoke ? "in-process, no warm-up, 1 × 30 ms"
                        : (forks() == 0
                                ? "one JVM per group (" + String.join(" ", FORK_JVM_ARGS)
                                        + "): JIT profiles shared between that group's benchmarks, every configuration"
                                        + " of the group warmed up before any is measured, then "
                                : forks() + " fork(s) per configuration (" + String.join(" ", FORK_JVM_ARGS) + "), ")
                                + warmups() + " × " + iteration + " warm-up, " + iterations() + " × " + iteration + " measured",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                (System.nanoTime() - started) / 1e9);
        Path out = Path.of(args.getOrDefault("out", "target/relmap-bench"));
        BenchReport report = new BenchReport(database.key(), setup, measured, notes, ReadBenchmark.JDBC, floors())
                .comparing(Peer.compared());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(Path.of(out + ".md"), report.markdown());
        Files.writeString(Path.of(out + ".html"), report.html());
        for (Map.Entry<String, String> chart : report.charts().entrySet()) {
            Path svg = Path.of(out + "-" + chart.getKey() + ".svg");
            Files.writeString(svg, chart.getValue());
            System.out.println("Wrote " + svg);
        }
        System.out.println(report.markdown());
        System.out.println("Wrote " + out + ".md and " + out + ".html");
        guard.ifPresent(verdict -> System.out.println(verdict.note()));
        if (guard.filter(AllocationGuard.Verdict::overBudget).isPresent()) {
            // The report is written; the run fails so that a script or CI sees the regression.
            System.exit(AllocationGuard.OVER_BUDGET_EXIT);
        }
        // Hibernate and pool threads of in-process (smoke) runs must not keep the JVM alive.
        System.exit(0);
    }

    /**
     * The groups {@code --only} selects, in the report's order: each pattern's reads in the order of
     * {@link MappingPattern#all()}, then {@code levers}, {@code writes}, {@code kit}.
     */
    private List<String> groups() {
        List<String> known = new ArrayList<>(MappingPattern.all().stream().map(MappingPattern::name).toList());
        known.addAll(List.of("levers", "writes", "kit"));
        Set<String> only = Arrays.stream(args.getOrDefault("only", "all").split(","))
                .map(String::trim).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (String name : only) {
            if (!name.equals("all") && !known.contains(name)) {
                throw new IllegalArgumentException("No benchmark group '" + name + "': expected all or some of " + known);
            }
        }
        return only.contains("all") ? known : known.stream().filter(only::contains).toList();
    }

    /** One group's benchmarks in this JVM. */
    private List<Measured> inThisJvm(String group, List<String> notes) throws Exception {
        return switch (group) {
            case "levers" -> levers();
            case "writes" -> writes(notes);
            case "kit" -> kit();
            default -> reads(MappingPattern.all().stream().filter(p -> p.name().equals(group)).findFirst().orElseThrow(), notes);
        };
    }

    /** The arguments a group's JVM runs with (besides its group and file): this run's, not forking. */
    private List<String> groupArgs() {
        Map<String, String> forwarded = new LinkedHashMap<>(args);
        forwarded.keySet().removeAll(List.of("only", "out", "seconds", "child"));
        forwarded.put("forks", "0");
        forwarded.put("millis", String.valueOf(millis()));
        return forwarded.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** For each pattern, strategy (or peer) name → the JDBC read that is its floor. */
    private static Map<String, Map<String, String>> floors() {
        Map<String, Map<String, String>> floors = new LinkedHashMap<>();
        for (JdbcBaseline baseline : JdbcBaseline.all()) {
            Map<String, String> floor = new LinkedHashMap<>();
            baseline.reads().forEach(read -> read.floorOf().forEach(strategy -> floor.put(strategy, read.name())));
            Peer.of(baseline.pattern()).forEach(peer -> floor.put(peer.subject(), peer.floor()));
            floors.put(baseline.pattern(), floor);
        }
        return floors;
    }

    private List<Measured> reads(MappingPattern pattern, List<String> notes) throws Exception {
        var baseline = JdbcBaseline.of(pattern.name());
        List<String> subjects = new ArrayList<>(pattern.strategies().stream().map(Strategy::name).toList());
        if (baseline.isEmpty()) {
            notes.add(pattern.name() + ": no JDBC baseline registered, so its strategies have no ratio.");
        }
        baseline.ifPresent(b -> b.reads().forEach(read -> subjects.add(ReadBenchmark.JDBC + read.name())));
        Peer.of(pattern.name()).forEach(peer -> subjects.add(peer.subject()));
        Set<String> needTheKit = baseline.map(JdbcBaseline::needTheKit).orElse(Set.of());
        List<String> onRaw = subjects.stream().filter(s -> !needTheKit.contains(s)).toList();
        List<Measured> results = new ArrayList<>(run(ReadBenchmark.class, "reads of " + pattern.name(), options -> options
                .param("pattern", pattern.name())
                .param("strategy", onRaw.toArray(String[]::new))
                .param("n", sizes.stream().map(String::valueOf).toArray(String[]::new))
                .param("pool", Seeded.Pool.RAW.label)));
        if (!needTheKit.isEmpty()) {
            notes.add(pattern.name() + ": " + needTheKit + " checks its own SQL through the statement-counting kit,"
                    + " so it runs on relmap's kit-wrapped pool (not recording), the others on the raw pool.");
            results.addAll(run(ReadBenchmark.class, "reads of " + pattern.name(), options -> options
                    .param("pattern", pattern.name())
                    .param("strategy", needTheKit.toArray(String[]::new))
                    .param("n", sizes.stream().map(String::valueOf).toArray(String[]::new))
                    .param("pool", Seeded.Pool.KIT.label)));
        }
        return results;
    }

    /**
     * The entity-gap levers, one-to-many at the smallest and the largest N: JOIN FETCH with every
     * {@link Lever} on the raw pool and as relmap ships it on the kit-wrapped pool, and the books
     * read into records with the levers that apply to them, each beside its JDBC floor on the same
     * pool.
     */
    private List<Measured> levers() throws Exception {
        String[] n = sizes.size() == 1 ? new String[] {String.valueOf(sizes.get(0))}
                : new String[] {String.valueOf(sizes.get(0)), String.valueOf(sizes.get(sizes.size() - 1))};
        List<Measured> levers = new ArrayList<>(run(ReadBenchmark.class, "levers", options -> options
                .param("pattern", "one-to-many")
                .param("strategy", "JOIN FETCH")
                .param("n", n)
                .param("pool", Seeded.Pool.RAW.label)
                .param("lever", Arrays.stream(Lever.values()).map(lever -> lever.label).toArray(String[]::new))));
        levers.addAll(run(ReadBenchmark.class, "levers", options -> options
                .param("pattern", "one-to-many")
                .param("strategy", "books + author name (record)")
                .param("n", n)
                .param("pool", Seeded.Pool.RAW.label)
                .param("lever", Lever.NONE.label, Lever.READ_ONLY.label, Lever.FETCH_SIZE.label,
                        Lever.NO_PLAN_CACHE.label, Lever.FLUSH_MANUAL.label, Lever.CACHE_IGNORE.label)));
        levers.addAll(run(ReadBenchmark.class, "levers", options -> options
                .param("pattern", "one-to-many")
                .param("strategy", "JOIN FETCH")
                .param("n", n)
                .param("pool", Seeded.Pool.KIT.label)));
        levers.addAll(run(ReadBenchmark.class, "levers", options -> options
                .param("pattern", "one-to-many")
                .param("strategy", ReadBenchmark.JDBC + "authors with their books", ReadBenchmark.JDBC + "book summaries")
                .param("n", n)
                .param("pool", Seeded.Pool.RAW.label, Seeded.Pool.KIT.label)));
        return levers;
    }

    private List<Measured> writes(List<String> notes) throws Exception {
        List<String> variants = new ArrayList<>(List.of(WriteBenchmark.SEQUENCE, WriteBenchmark.IDENTITY,
                WriteBenchmark.STATELESS, WriteBenchmark.JDBC_BATCH));
        String driver = switch (database) {
            case H2 -> null;
            case POSTGRESQL -> "reWriteBatchedInserts=true";
            case MARIADB -> "useBulkStmtsForInserts=false";
        };
        if (driver == null) {
            notes.add("writes: H2 has no driver batch rewriting to compare.");
        } else {
            variants.add(WriteBenchmark.SEQUENCE + " | " + driver);
            variants.add(WriteBenchmark.JDBC_BATCH + " | " + driver);
        }
        return run(WriteBenchmark.class, "writes", options -> options
                .param("variant", variants.toArray(String[]::new))
                .param("books", smoke ? "100" : "1000"));
    }

    private List<Measured> kit() throws Exception {
        return run(KitBenchmark.class, "kit", options -> options
                .param("pool", KitBenchmark.RAW, KitBenchmark.KIT, KitBenchmark.RECORDING, KitBenchmark.DATASOURCE_PROXY));
    }

    private interface Configure {
        ChainedOptionsBuilder apply(ChainedOptionsBuilder options);
    }

    private List<Measured> run(Class<?> benchmark, String group, Configure configure) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .mode(Mode.AverageTime)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .jvmArgsAppend(jvmArgs());
        if (smoke) {
            options = options.forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(30));
        } else {
            options = options.forks(forks())
                    .warmupIterations(warmups()).warmupTime(TimeValue.milliseconds(millis()))
                    .measurementIterations(iterations()).measurementTime(TimeValue.milliseconds(millis()));
            if (forks() == 0) {
                // One JVM for the whole group: without a warm-up of every configuration first, the
                // first ones measured (the smallest N) still run half-compiled code.
                options = options.warmupMode(WarmupMode.BULK_INDI);
            }
        }
        Collection<RunResult> results = new Runner(configure.apply(options).build()).run();
        List<Measured> measured = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            Result<?> primary = result.getPrimaryResult();
            Map<String, Result> secondary = result.getSecondaryResults();
            double cpuMicros = secondary.containsKey("cpuNanos") && secondary.containsKey("calls")
                    ? secondary.get("cpuNanos").getScore() / secondary.get("calls").getScore() / 1000 : Double.NaN;
            double bytes = result.getSecondaryResults().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                    .mapToDouble(e -> e.getValue().getScore()).findFirst().orElse(Double.NaN);
            String subject = params.getParam(params.getParamsKeys().contains("strategy") ? "strategy"
                    : params.getParamsKeys().contains("variant") ? "variant" : "pool");
            String pool = !params.getParamsKeys().contains("strategy") ? ""
                    : params.getParam("lever").equals(Lever.NONE.label) ? params.getParam("pool")
                    : params.getParam("pool") + ", " + params.getParam("lever");
            int n = params.getParamsKeys().contains("n") ? Integer.parseInt(params.getParam("n"))
                    : params.getParamsKeys().contains("books") ? Integer.parseInt(params.getParam("books")) : 0;
            double perCall = group.equals("kit") ? KitBenchmark.STATEMENTS : 1;
            measured.add(new Measured(group, subject, pool, n, primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), bytes, cpuMicros / perCall));
        }
        return measured;
    }

    private String[] jvmArgs() {
        List<String> jvm = new ArrayList<>(FORK_JVM_ARGS);
        jvm.add("-Drelmap.db=" + database.key());
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            jvm.add("-Djava.util.logging.config.file=" + logging);
        }
        return jvm.toArray(String[]::new);
    }

    private int forks() {
        return Integer.parseInt(args.getOrDefault("forks", "0"));
    }

    private int warmups() {
        return Integer.parseInt(args.getOrDefault("warmups", "3"));
    }

    private int iterations() {
        return Integer.parseInt(args.getOrDefault("iterations", "4"));
    }

    /** Milliseconds per iteration: {@code --millis}, else {@code --seconds} × 1000, else 250. */
    private int millis() {
        String millis = args.get("millis");
        String seconds = args.get("seconds");
        if (millis != null && seconds != null && Integer.parseInt(millis) != 1000 * Integer.parseInt(seconds)) {
            throw new IllegalArgumentException("--millis=" + millis + " and --seconds=" + seconds + " disagree");
        }
        return millis != null ? Integer.parseInt(millis) : seconds != null ? 1000 * Integer.parseInt(seconds) : 250;
    }
}
