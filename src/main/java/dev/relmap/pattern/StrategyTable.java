package dev.relmap.pattern;

import java.util.stream.Collectors;

/**
 * A pattern's strategies as its docs page shows them, rendered from
 * {@link MappingPattern#strategies()} so the documentation cannot drift from the code: one row per
 * strategy, in order, with the SELECT formula, whether it is N+1, and what it does.
 *
 * <pre>
 * | Strategy | Method | SELECTs | N+1 | What it does |
 * |---|---|---|---|---|
 * | JOIN FETCH | `AuthorRepository.findAllWithBooks` | 1 | no | One query joins authors to books; Hibernate de-duplicates the roots. |
 * </pre>
 */
public final class StrategyTable {

    /** The header and separator lines every strategies table starts with. */
    public static final String HEADER = "| Strategy | Method | SELECTs | N+1 | What it does |\n|---|---|---|---|---|\n";

    private StrategyTable() {
    }

    /** The Markdown table of {@code pattern}'s strategies, each line ending in a newline. */
    public static String markdown(MappingPattern pattern) {
        return HEADER + pattern.strategies().stream()
                .map(StrategyTable::row)
                .collect(Collectors.joining());
    }

    private static String row(Strategy strategy) {
        return "| " + cell(strategy.name())
                + " | " + (strategy.method() == null ? "" : "`" + cell(strategy.method()) + "`")
                + " | " + cell(strategy.selects().text())
                + " | " + (strategy.isNPlusOne() ? "yes" : "no")
                + " | " + cell(strategy.description())
                + " |\n";
    }

    /** A pipe would end the cell early; Markdown reads {@code \|} as a literal one. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
