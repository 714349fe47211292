package dev.relmap.selfreferencing.category;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.testsupport.PatternFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two moves, each legal on its own, that together would close a cycle. Both threads pass their
 * check before either locks (a barrier holds them between the two), so the lock alone decides:
 * exactly one commits, the other is refused with {@link ConcurrentMoveException}, and the tree
 * read afterwards still hangs whole from its root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoryConcurrentMoveTest {

    private static final int TREE = 40;

    private PatternFixture fixture;
    private CategoryFixture tables;

    @BeforeAll
    void open() {
        fixture = CategoryFixture.open();
        tables = new CategoryFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void freshTree() {
        fixture.reseed(TREE);
    }

    @ParameterizedTest(name = "{0} under {1} while {2} goes under {3}")
    @CsvSource({
        "Category 1, Category 2,     Category 2, Category 1",
        "Category 1, Category 2.1,   Category 2, Category 1.3.2",
    })
    @DisplayName("two concurrent moves that together close a cycle: one commits, the other is refused")
    void neverBothCommit(String first, String firstParent, String second, String secondParent) throws Exception {
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Throwable> one = threads.submit(() -> move(first, firstParent, bothChecked));
            Future<Throwable> other = threads.submit(() -> move(second, secondParent, bothChecked));
            List<Throwable> outcomes = new ArrayList<>();
            outcomes.add(one.get(60, TimeUnit.SECONDS));
            outcomes.add(other.get(60, TimeUnit.SECONDS));

            assertThat(outcomes).as("one move commits, one is refused").containsOnlyOnce((Throwable) null);
            assertThat(outcomes).filteredOn(outcome -> outcome != null).singleElement()
                    .isInstanceOf(ConcurrentMoveException.class)
                    .satisfies(e -> assertThat(e.getMessage()).matches(
                            "'Category \\d' was not moved under 'Category [\\d.]+': another move changed .*"));
            assertThat(tables.edges()).as("exactly one of the two moves is in the tree")
                    .filteredOn(edge -> edge.equals(first + " < " + firstParent) || edge.equals(second + " < " + secondParent))
                    .hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(treeSize()).as("every category still hangs from the root: no cycle").isEqualTo(TREE);
    }

    @Test
    @DisplayName("the same two moves one after the other: the second is a cycle, refused by the check")
    void theSecondOfTwoSerialMovesIsACycle() {
        assertThat(move("Category 1", "Category 2", null)).isNull();

        assertThat(move("Category 2", "Category 1", null)).isInstanceOf(CategoryCycleException.class)
                .hasMessage("Cannot move 'Category 2' under 'Category 1': 'Category 1' lies under 'Category 2'");
        assertThat(treeSize()).isEqualTo(TREE);
    }

    /** Moves in a transaction of its own; returns what refused the move, or null once committed. */
    private Throwable move(String category, String newParent, CyclicBarrier bothChecked) {
        long categoryId = tables.idOf(category);
        long newParentId = tables.idOf(newParent);
        try {
            fixture.factory().runInTransaction(entityManager -> new CategoryRepository(entityManager, () -> {
                if (bothChecked != null) {
                    await(bothChecked);
                }
            }).move(categoryId, newParentId));
            return null;
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    private long treeSize() {
        return fixture.factory().callInTransaction(entityManager ->
                new CategoryRepository(entityManager).subtreeSizes().get(0).size());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other move never reached its lock", e);
        }
    }
}
