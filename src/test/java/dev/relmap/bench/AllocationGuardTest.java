package dev.relmap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The guard on one-to-many's JOIN FETCH allocation, fed results as a benchmark run reports them. */
class AllocationGuardTest {

    private static final String GROUP = "reads of one-to-many";

    private static Measured joinFetch(String pool, int n, double bytes) {
        return new Measured(GROUP, "JOIN FETCH", pool, n, 5000, Double.NaN, "us/op", bytes, 4000);
    }

    private static double budget(String database) {
        return AllocationGuard.MEASURED.get(database) * (100 + AllocationGuard.MARGIN_PERCENT) / 100;
    }

    @Test
    @DisplayName("passes a read that allocates what was measured when the budget was set")
    void withinBudget() {
        double bytes = AllocationGuard.MEASURED.get("postgresql");

        AllocationGuard.Verdict verdict = AllocationGuard.check("postgresql", List.of(joinFetch("raw pool", 1000, bytes)))
                .orElseThrow();

        assertThat(verdict.overBudget()).isFalse();
        assertThat(verdict.note()).startsWith("Allocation guard: one-to-many's JOIN FETCH at N = 1000 allocated ")
                .endsWith(" on postgresql.");
    }

    @Test
    @DisplayName("flags a read that allocates more than its budget, naming the bytes, the budget and the database")
    void overBudget() {
        double bytes = budget("mariadb") + 1024;

        AllocationGuard.Verdict verdict = AllocationGuard.check("mariadb", List.of(joinFetch("raw pool", 1000, bytes)))
                .orElseThrow();

        assertThat(verdict.overBudget()).isTrue();
        assertThat(verdict.note()).startsWith("ALLOCATION OVER BUDGET: one-to-many's JOIN FETCH at N = 1000 allocated ")
                .contains(String.format(java.util.Locale.ROOT, "over its budget of %.2f MB on mariadb",
                        budget("mariadb") / 1024 / 1024));
    }

    @Test
    @DisplayName("has a budget on every database the benchmarks run on")
    void aBudgetPerDatabase() {
        for (dev.relmap.bootstrap.Database database : dev.relmap.bootstrap.Database.values()) {
            assertThat(AllocationGuard.MEASURED.get(database.key())).as(database.key()).isPositive();
        }
    }

    @Test
    @DisplayName("says nothing when the run did not measure the read at N = 1000 on the raw pool")
    void silentWithoutTheGuardedRead() {
        double bytes = budget("h2") * 2;

        assertThat(AllocationGuard.check("h2", List.of(joinFetch("raw pool", 10, bytes), joinFetch("kit", 1000, bytes))))
                .isEmpty();
    }
}
