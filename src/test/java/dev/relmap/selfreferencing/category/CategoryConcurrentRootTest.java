package dev.relmap.selfreferencing.category;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.testsupport.PatternFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two transactions add a root "Books" at once. Each first looks for a root of that name, as a check
 * in Java would, and finds none; a barrier holds both until both have looked, so the check cannot
 * decide. The database does: exactly one commits, the other is refused with
 * {@link DuplicateCategoryException}, and one root "Books" is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoryConcurrentRootTest {

    private static final int TREE = 13;
    private static final String NAME = "Books";

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

    @Test
    @DisplayName("two transactions that both found no root \"Books\" add one each: one commits, the other is refused")
    @DatabaseRefusalExpected
    void neverBothCommit() throws Exception {
        CyclicBarrier bothLooked = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Throwable> one = threads.submit(() -> addRoot(bothLooked));
            Future<Throwable> other = threads.submit(() -> addRoot(bothLooked));
            List<Throwable> outcomes = new ArrayList<>();
            outcomes.add(outcome(one, "the first"));
            outcomes.add(outcome(other, "the second"));

            assertThat(outcomes).as("one root commits, one is refused").containsOnlyOnce((Throwable) null);
            assertThat(outcomes).filteredOn(outcome -> outcome != null).singleElement()
                    .isInstanceOfSatisfying(DuplicateCategoryException.class, e ->
                            assertThat(e.constraintName()).isEqualToIgnoringCase(Category.UK_SIBLING_NAME))
                    .extracting(Throwable::getMessage).isEqualTo("A category named 'Books' already exists under (root)");
        } finally {
            threads.shutdownNow();
        }
        assertThat(tables.edges()).as("one root 'Books' stored").filteredOn(edge -> edge.startsWith(NAME + " <"))
                .containsExactly("Books < -");
        assertThat(fixture.count("Category")).isEqualTo(TREE + 1);
    }

    /**
     * In a transaction of its own: looks for a root "Books" (which also takes the connection before
     * the barrier), waits for the other transaction to have looked too, adds the root and commits.
     * Returns what refused it, or null once committed.
     */
    private Throwable addRoot(CyclicBarrier bothLooked) {
        try {
            fixture.factory().runInTransaction(entityManager -> {
                long found = entityManager.createQuery("""
                        select count(c.id)
                        from Category c
                        where c.parent is null
                        and c.name = :name""", Long.class)
                        .setParameter("name", NAME)
                        .getSingleResult();
                if (found != 0) {
                    throw new IllegalStateException("a root '" + NAME + "' exists before either transaction added it");
                }
                await(bothLooked);
                new CategoryRepository(entityManager).addRoot(NAME);
            });
            return null;
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    private static Throwable outcome(Future<Throwable> transaction, String which) throws Exception {
        try {
            return transaction.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(which + " transaction adding root '" + NAME
                    + "' neither committed nor was refused within 60 s: is its INSERT still waiting for a lock?", e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction never looked for root '" + NAME + "' within 30 s", e);
        }
    }
}
