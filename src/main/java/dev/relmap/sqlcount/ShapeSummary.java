package dev.relmap.sqlcount;

import java.util.List;

/**
 * All executions of one SQL shape in a recording, and what the kit makes of them.
 *
 * @param shape the normalised SQL (see {@link SqlClassifier#shape})
 * @param kind what the statements do
 * @param executions how many times the shape ran
 * @param roundTrips how many JDBC round trips carried it
 * @param distinctParameterSets how many different sets of bound values it ran with
 * @param firstParameterSets the first few sets of bound values, in order
 * @param keys for a multi-key shape ({@code in (?…)}, {@code = any(?)}): how many distinct keys
 *     it asked for in all; otherwise 0
 * @param callSite the first line of your code that ran it
 * @param verdict what the repetition means
 */
public record ShapeSummary(
        String shape,
        StatementKind kind,
        int executions,
        int roundTrips,
        int distinctParameterSets,
        List<List<Object>> firstParameterSets,
        int keys,
        String callSite,
        Verdict verdict) {

    /** What repeating a shape means. */
    public enum Verdict {
        /** Ran once, or is not a read: nothing to say. */
        NONE,
        /** One SELECT shape run with two or more different parameter sets: the N+1 problem. */
        N_PLUS_ONE,
        /** One SELECT shape run more than once with the same parameters: a read done twice. */
        DUPLICATE_READ,
        /** A multi-key SELECT ({@code in (?…)}, {@code = any(?)}) run more than once: batch fetching. */
        BATCH_FETCH
    }

    /** One line that says what happened, for example "3 round trips for 28 keys (batch fetch)". */
    public String headline() {
        String runs = executions + "× " + kind + " in " + roundTrips + " round trip" + (roundTrips == 1 ? "" : "s");
        return switch (verdict) {
            case N_PLUS_ONE -> runs + ", " + distinctParameterSets + " different parameter sets: N+1";
            case DUPLICATE_READ -> runs + ", same parameters each time: duplicate read";
            case BATCH_FETCH -> executions + " round trips for " + keys + " keys (batch fetch, not N+1)";
            case NONE -> runs;
        };
    }
}
