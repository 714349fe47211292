package dev.relmap.selfreferencing.category;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.catalog.SelfReferencingPattern;
import dev.relmap.testsupport.Contenders;
import dev.relmap.testsupport.Contenders.Contender;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two transactions add a root "Books" at once. Each takes a connection of its own, then looks for a
 * root of that name, as a check in Java would, and finds none; both wait until both have looked
 * ({@link Contenders}), so the check cannot decide. The database does: exactly one commits, the other is refused with
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
        fixture = PatternFixture.open(new SelfReferencingPattern(), SampleData::clear,
                spec -> Contenders.unit(spec, 2, 0));
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
        List<Throwable> outcomes = Contenders.run(fixture.unit(), 2, me -> addRoot(me));

        assertThat(outcomes).as("one root commits, one is refused").containsOnlyOnce((Throwable) null);
        assertThat(outcomes).filteredOn(outcome -> outcome != null).singleElement()
                .isInstanceOfSatisfying(DuplicateCategoryException.class, e ->
                        assertThat(e.constraintName()).isEqualToIgnoringCase(Category.UK_SIBLING_NAME))
                .extracting(Throwable::getMessage).isEqualTo("A category named 'Books' already exists under (root)");
        assertThat(tables.edges()).as("one root 'Books' stored").filteredOn(edge -> edge.startsWith(NAME + " <"))
                .containsExactly("Books < -");
        assertThat(fixture.count("Category")).isEqualTo(TREE + 1);
    }

    /**
     * In a transaction of its own: takes its connection, looks for a root "Books", waits for the
     * other transaction to have looked too, adds the root and commits. Returns what refused it, or
     * null once committed.
     */
    private Throwable addRoot(Contender me) {
        try {
            fixture.factory().runInTransaction(entityManager -> {
                me.connect(entityManager);
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
                me.reach("both transactions have looked");
                new CategoryRepository(entityManager).addRoot(NAME);
            });
            return null;
        } catch (RuntimeException refused) {
            return refused;
        }
    }
}
