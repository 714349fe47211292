package dev.relmap.pattern;

import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * One way of loading a pattern's data, with the number of data SELECTs and of rows it promises
 * for N roots, and when the statement-counting kit calls it N+1.
 *
 * @param name short name shown in the tour and in the docs' tables, for example {@code JOIN FETCH}
 * @param description one sentence: what it runs and why
 * @param selects the promised count of data SELECTs as a formula in N
 * @param rows the promised number of rows (entities or records) {@code run} reads, as a formula in N
 * @param nPlusOne from which N on the kit flags it as N+1, if ever
 * @param run runs the repository method and touches everything the use case reads (so a lazy
 *     strategy pays its N+1 inside the recording); returns the number of rows it read
 * @param method the repository method behind it, {@code AuthorRepository.findAllWithBooks}, as the
 *     docs name it; null until declared with {@link #by}. The contract test checks it against the
 *     method a run actually goes through.
 */
public record Strategy(
        String name,
        String description,
        CountFormula selects,
        CountFormula rows,
        NPlusOne nPlusOne,
        ToIntFunction<EntityManager> run,
        String method) {

    /**
     * When the kit flags a strategy as N+1: the one rule the contract test, the tour and the docs
     * apply. The kit calls a run N+1 when one statement shape runs again with other values, so a
     * lazy strategy is flagged from the first N at which a load repeats.
     */
    public enum NPlusOne {
        /** Never flagged: the statements do not repeat per root (batch fetching repeats per batch). */
        NEVER,
        /**
         * Flagged from N = 2: each root costs one lazy load of its own, so one root alone issues
         * each shape once (one author's books).
         */
        FROM_TWO_ROOTS,
        /**
         * Flagged from N = 1: even one root repeats a shape, because what hangs off it is loaded
         * one row at a time (one book's authors, each by its id).
         */
        FROM_ONE_ROOT;

        /** Whether the kit flags the strategy as N+1 at {@code n} roots. */
        public boolean flaggedAt(int n) {
            return switch (this) {
                case NEVER -> false;
                case FROM_TWO_ROOTS -> n >= 2;
                case FROM_ONE_ROOT -> n >= 1;
            };
        }
    }

    public Strategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(selects, "selects");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(nPlusOne, "nPlusOne");
        Objects.requireNonNull(run, "run");
    }

    /** A strategy whose repository method is not declared yet: see {@link #by}. */
    public Strategy(String name, String description, CountFormula selects, CountFormula rows, NPlusOne nPlusOne,
            ToIntFunction<EntityManager> run) {
        this(name, description, selects, rows, nPlusOne, run, null);
    }

    /** This strategy, declaring the repository method behind it: {@code by("AuthorRepository.findAllWithBooks")}. */
    public Strategy by(String method) {
        return new Strategy(name, description, selects, rows, nPlusOne, run, Objects.requireNonNull(method, "method"));
    }

    /** Whether this strategy is the N+1 problem (at a large enough N). */
    public boolean isNPlusOne() {
        return nPlusOne != NPlusOne.NEVER;
    }

    /** The name and the promise, for example {@code lazy (N+1): 1 + N SELECTs}, as test names show it. */
    @Override
    public String toString() {
        return name + ": " + selects + " SELECT" + (selects.text().equals("1") ? "" : "s");
    }
}
