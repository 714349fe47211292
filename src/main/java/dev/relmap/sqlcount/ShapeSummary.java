package dev.relmap.sqlcount;

import java.util.List;

/**
 * All executions of one SQL shape in a recording, and what the kit makes of them.
 *
 * @param shape the normalised SQL: literals and bind parameters shown as {@code ?}, an
 *     {@code in} list of bind parameters folded to {@code in (?…)}
 * @param kind what the statements do
 * @param executions how many times the shape ran
 * @param roundTrips how many JDBC round trips carried it
 * @param distinctParameterSets how many different sets of values it ran with, literals folded into
 *     the shape included, compared as values (bytes by content)
 * @param firstParameterSets the first few different sets of bound values, in order
 * @param keys for a shape that loads a list of keys ({@code in (?…)}, {@code = any(?)}): how many
 *     distinct keys it asked for in all; otherwise 0
 * @param callSite the first line of your code that ran it
 * @param callSites how many different lines of your code ran it, as far as the kit looked (it stops
 *     looking once the verdict is settled)
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
        int callSites,
        Verdict verdict) {

    /**
     * What repeating a SELECT shape means. A shape run once is {@link #BATCH_FETCH} when its list of
     * keys held two or more distinct keys, otherwise {@link #NONE}. The rule, applied in this order
     * to a shape run twice or more: its key lists change while every other value stays → {@link #BATCH_FETCH}; the same
     * line of code read different values → {@link #N_PLUS_ONE}; the same line read the same values
     * but other page bounds → {@link #PAGING}; the same values were read twice → {@link
     * #DUPLICATE_READ}; otherwise (different values from different lines, like two {@code find}
     * calls on two lines) → {@link #NONE}.
     */
    public enum Verdict {
        /**
         * Ran once (reading no list of two or more keys), is not a read, or ran from different lines
         * of code with different values.
         */
        NONE,
        /** One SELECT shape run from one line of code with two or more different values: the N+1 problem. */
        N_PLUS_ONE,
        /** One SELECT shape run from one line of code, only its page bounds changing: a paging loop. */
        PAGING,
        /** One SELECT shape run more than once with the same values: a read done twice. */
        DUPLICATE_READ,
        /**
         * A SELECT of a list of keys ({@code in (?, ?, …)} of bind parameters, {@code = any(?)}) run
         * more than once with only the keys changing, or run once with two or more keys: the keys are
         * read a list at a time, not one by one. Run once, Hibernate's batch fetch of 3 keys and an
         * {@code in} list of 3 ids the application wrote send the same SQL, and both read 3 keys in
         * one round trip, so the kit does not tell them apart.
         */
        BATCH_FETCH
    }

    /**
     * One line that says what happened, for example "3 round trips for 28 keys (batch fetch, not
     * N+1)" or "1 round trip for 3 keys (a key list read at once, not N+1)".
     */
    public String headline() {
        String runs = executions + "× " + kind + " in " + roundTrips + " round trip" + (roundTrips == 1 ? "" : "s");
        return switch (verdict) {
            case N_PLUS_ONE -> runs + ", " + distinctParameterSets + " different parameter sets: N+1";
            case PAGING -> runs + " from one line, only the page bounds changing: paging loop";
            case DUPLICATE_READ -> runs + ", same parameters each time: duplicate read";
            case BATCH_FETCH -> executions == 1
                    ? "1 round trip for " + keys + " keys (a key list read at once, not N+1)"
                    : executions + " round trips for " + keys + " keys (batch fetch, not N+1)";
            case NONE -> callSites > 1 ? runs + " from " + callSites + " different lines" : runs;
        };
    }
}
