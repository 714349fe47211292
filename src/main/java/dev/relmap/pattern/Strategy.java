package dev.relmap.pattern;

import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * One way of loading a pattern's data, with the number of data SELECTs it promises for N roots.
 *
 * @param name short name shown in the tour and README table, for example {@code JOIN FETCH}
 * @param description one sentence: what it runs and why
 * @param selects the promised count of data SELECTs as a formula in N
 * @param nPlusOne whether the statement-counting kit is expected to flag it as N+1
 * @param run runs the repository method and touches everything the use case reads (so a lazy
 *     strategy pays its N+1 inside the recording); returns the number of rows it produced
 */
public record Strategy(
        String name,
        String description,
        CountFormula selects,
        boolean nPlusOne,
        ToIntFunction<EntityManager> run) {

    public Strategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(selects, "selects");
        Objects.requireNonNull(run, "run");
    }

    /** The name and the promise, for example {@code lazy (N+1): 1 + N SELECTs}, as test names show it. */
    @Override
    public String toString() {
        return name + ": " + selects + " SELECT" + (selects.text().equals("1") ? "" : "s");
    }
}
