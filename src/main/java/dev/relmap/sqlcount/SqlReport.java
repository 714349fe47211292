package dev.relmap.sqlcount;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What ran during a {@link Recording}, as three separate numbers, each broken down by
 * {@link StatementKind}:
 *
 * <ul>
 *   <li><b>statements</b>: what the database executed; a JDBC batch of 12 inserts is 12 INSERT
 *       statements;
 *   <li><b>round trips</b>: JDBC executions; that batch of 12 is one {@code executeBatch} round trip;
 *   <li><b>batches</b>: how many of those round trips were {@code executeBatch} calls.
 * </ul>
 *
 * <p>Sequence calls are kept apart as {@link StatementKind#SEQUENCE}: {@link #selects()} counts
 * reads of data only. The report also groups statements by shape and names N+1 patterns, batch
 * fetches, paging loops and duplicate reads ({@link #shapes()}), by the rule of
 * {@link ShapeSummary.Verdict}.
 */
public final class SqlReport {

    /** The statement log in a failure message shows this many first statements, then the last few. */
    static final int LOG_HEAD = 20;
    static final int LOG_TAIL = 5;

    private final List<ExecutedStatement> statements;
    private final List<ShapeSummary> shapes;
    private final int otherThreadStatements;
    private final List<String> otherThreads;
    private final boolean threadScoped;

    SqlReport(List<ExecutedStatement> statements, int otherThreadStatements, List<String> otherThreads,
            boolean threadScoped) {
        this.statements = List.copyOf(statements);
        this.shapes = summarise(this.statements);
        this.otherThreadStatements = otherThreadStatements;
        this.otherThreads = otherThreads;
        this.threadScoped = threadScoped;
    }

    /**
     * Statements that ran through the same DataSource on threads this recording does not watch,
     * while it ran: a recording that saw nothing while this is not 0 was probably on the wrong
     * thread ({@link SqlCount#startAllThreads()} watches them all).
     */
    public int otherThreadStatements() {
        return otherThreadStatements;
    }

    /** The names of the first few threads counted in {@link #otherThreadStatements()}, for a message. */
    public List<String> otherThreads() {
        return otherThreads;
    }

    /** Every executed statement, in order. */
    public List<ExecutedStatement> statements() {
        return statements;
    }

    /** All statements executed, sequence calls included. */
    public int statementCount() {
        return statements.size();
    }

    public int statementCount(StatementKind kind) {
        return (int) statements.stream().filter(s -> s.kind() == kind).count();
    }

    /** SELECT statements that read data (sequence calls are not counted here). */
    public int selects() {
        return statementCount(StatementKind.SELECT);
    }

    public int inserts() {
        return statementCount(StatementKind.INSERT);
    }

    public int updates() {
        return statementCount(StatementKind.UPDATE);
    }

    public int deletes() {
        return statementCount(StatementKind.DELETE);
    }

    /** Id-allocation calls: {@code select next value for …}, {@code nextval(…)}. */
    public int sequenceCalls() {
        return statementCount(StatementKind.SEQUENCE);
    }

    public int others() {
        return statementCount(StatementKind.OTHER);
    }

    /** JDBC round trips: one per execute call, one per {@code executeBatch}. */
    public int roundTrips() {
        return (int) statements.stream().mapToInt(ExecutedStatement::roundTrip).distinct().count();
    }

    public int roundTrips(StatementKind kind) {
        return (int) statements.stream()
                .filter(s -> s.kind() == kind)
                .mapToInt(ExecutedStatement::roundTrip)
                .distinct()
                .count();
    }

    /** {@code executeBatch} round trips. */
    public int batches() {
        return (int) statements.stream()
                .filter(ExecutedStatement::batched)
                .mapToInt(ExecutedStatement::roundTrip)
                .distinct()
                .count();
    }

    public int batches(StatementKind kind) {
        return (int) statements.stream()
                .filter(s -> s.batched() && s.kind() == kind)
                .mapToInt(ExecutedStatement::roundTrip)
                .distinct()
                .count();
    }

    /** Total time spent in JDBC execute calls, in nanoseconds. */
    public long executionNanos() {
        Map<Integer, Long> perRoundTrip = new LinkedHashMap<>();
        statements.forEach(s -> perRoundTrip.putIfAbsent(s.roundTrip(), s.nanos()));
        return perRoundTrip.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The statements grouped by shape, in the order each shape first ran. */
    public List<ShapeSummary> shapes() {
        return shapes;
    }

    /**
     * The shapes that ran as N+1: one SELECT shape run from the same line of code with two or more
     * different values (see {@link ShapeSummary.Verdict} for the whole rule).
     */
    public List<ShapeSummary> nPlusOne() {
        return withVerdict(ShapeSummary.Verdict.N_PLUS_ONE);
    }

    public boolean hasNPlusOne() {
        return !nPlusOne().isEmpty();
    }

    /** SELECT shapes run more than once with the same parameters. */
    public List<ShapeSummary> duplicateReads() {
        return withVerdict(ShapeSummary.Verdict.DUPLICATE_READ);
    }

    /** SELECT shapes whose key list alone changed between runs: batch fetching, k round trips for m keys. */
    public List<ShapeSummary> batchFetches() {
        return withVerdict(ShapeSummary.Verdict.BATCH_FETCH);
    }

    /** SELECT shapes run from one line with only their page bounds changing: paging loops. */
    public List<ShapeSummary> pagingLoops() {
        return withVerdict(ShapeSummary.Verdict.PAGING);
    }

    private List<ShapeSummary> withVerdict(ShapeSummary.Verdict verdict) {
        return shapes.stream().filter(s -> s.verdict() == verdict).toList();
    }

    /** Counts per kind on one line, for example {@code "1 SELECT, 12 INSERT, 2 SEQUENCE"}. */
    public String countsByKind() {
        Map<StatementKind, Integer> counts = new EnumMap<>(StatementKind.class);
        statements.forEach(s -> counts.merge(s.kind(), 1, Integer::sum));
        if (counts.isEmpty()) {
            return "no statements";
        }
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** One line: statements by kind, round trips and batches. */
    public String summary() {
        return plural(statementCount(), "statement") + " (" + countsByKind() + ") in "
                + plural(roundTrips(), "round trip") + ", " + plural(batches(), "batch");
    }

    /**
     * The evidence: the summary, the statements grouped by shape (how often each ran, the first
     * parameter sets, the first call site, the verdict), then the numbered log: whole up to
     * {@value #LOG_HEAD} + {@value #LOG_TAIL} statements, otherwise the first {@value #LOG_HEAD}
     * and the last {@value #LOG_TAIL} with a count of what was left out.
     */
    public String describe() {
        StringBuilder text = new StringBuilder(summary()).append('\n');
        if (statements.isEmpty()) {
            if (threadScoped && otherThreadStatements > 0) {
                text.append("\nNothing ran on this recording's thread, but ").append(plural(otherThreadStatements,
                        "statement")).append(" ran meanwhile on other threads (").append(String.join(", ", otherThreads))
                        .append("). If the work runs there, record it with SqlCount.startAllThreads().\n");
            }
            return text.toString();
        }
        text.append("\nBy shape:\n");
        int index = 1;
        for (ShapeSummary shape : shapes) {
            text.append(String.format("  [%d] %s%n", index++, shape.headline()));
            text.append("      ").append(shape.shape()).append('\n');
            if (!shape.firstParameterSets().isEmpty()
                    && !shape.firstParameterSets().stream().allMatch(List::isEmpty)) {
                String shown = shape.firstParameterSets().stream()
                        .map(Parameters::format)
                        .collect(Collectors.joining(", "));
                int more = shape.distinctParameterSets() - shape.firstParameterSets().size();
                text.append("      parameters: ").append(shown)
                        .append(more > 0 ? " … (" + more + " more)" : "").append('\n');
            }
            text.append("      first called from ").append(shape.callSite()).append('\n');
        }
        text.append("\nStatement log:\n");
        int size = statements.size();
        boolean cut = size > LOG_HEAD + LOG_TAIL;
        for (int i = 0; i < size; i++) {
            if (cut && i == LOG_HEAD) {
                text.append(String.format("  … %d statements left out (%d to %d) …%n",
                        size - LOG_HEAD - LOG_TAIL, LOG_HEAD + 1, size - LOG_TAIL));
                i = size - LOG_TAIL;
            }
            ExecutedStatement s = statements.get(i);
            text.append(String.format("  %3d. %-8s rt %-3d %s%s %s%n",
                    s.number(), s.kind(), s.roundTrip(), s.batched() ? "batch " : "",
                    s.sql().replaceAll("\\s+", " ").trim(),
                    s.parameters().isEmpty() ? "" : Parameters.format(s.parameters())));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : noun.endsWith("h") ? "es" : "s");
    }

    private static List<ShapeSummary> summarise(List<ExecutedStatement> statements) {
        Map<String, List<ExecutedStatement>> byShape = new LinkedHashMap<>();
        for (ExecutedStatement statement : statements) {
            byShape.computeIfAbsent(statement.shape(), shape -> new ArrayList<>()).add(statement);
        }
        List<ShapeSummary> summaries = new ArrayList<>();
        byShape.forEach((shape, runs) -> summaries.add(ShapeVerdicts.summarise(shape, runs)));
        return List.copyOf(summaries);
    }
}
