package dev.relmap.polymorphic.any;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Why {@link Comment#getItem()} says {@code fetch = LAZY}: {@code @Any} is EAGER by default, and a
 * query does not join an EAGER {@code @Any}, so listing N comments loads every item with a SELECT
 * of its own before anything is read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnyEagerPitfallTest {

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        unit = Relmap.unit("polymorphic-any-eager", Post.class, Product.class, EagerComment.class)
                .recreateSchemaAndOpen(DatabaseSettings.current());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("pitfall: listing N comments with the default EAGER @Any costs 1 + N SELECTs, nothing touched")
    void theDefaultEagerAnyLoadsEveryItemUpFront(int n) {
        seed(n);

        SqlReport report = unit.callInRolledBackTransaction(entityManager -> SqlCount.record(() ->
                entityManager.createQuery("select c from EagerComment c", EagerComment.class).getResultList()));

        assertThat(report).hasSelectCount(1 + n).hasStatementCount(1 + n);
    }

    /** Exactly N comments, each on an item of its own ({@link SampleData#item}); items pile up, unread. */
    private void seed(int n) {
        unit.entityManagerFactory().runInTransaction(entityManager -> {
            entityManager.createQuery("delete from EagerComment").executeUpdate();
            for (int i = 1; i <= n; i++) {
                Commentable item = SampleData.item(i);
                entityManager.persist(item);
                entityManager.persist(new EagerComment(item, "Comment " + i));
            }
        });
    }
}
