package dev.relmap.sqlcount;

// tag::kit-imports[]
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.junit.AllowNPlusOne;
import dev.relmap.sqlcount.junit.FailOnNPlusOne;
// end::kit-imports[]
import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The example docs/statement-counting-kit.md shows for using the kit in your own tests; it runs like
 * any other test.
 */
// tag::kit-guard[]
@FailOnNPlusOne // every test of this class (and of its subclasses) fails on an N+1, unless @AllowNPlusOne
// end::kit-guard[]
@DisplayName("The kit example of the docs")
class KitExampleTest {

    private static RelmapUnit unit;
    private EntityManager entityManager;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        KitFixture.seed(unit, 10, 3);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @BeforeEach
    void begin() {
        entityManager = unit.entityManagerFactory().createEntityManager();
        entityManager.getTransaction().begin();
    }

    @AfterEach
    void end() {
        entityManager.getTransaction().rollback();
        entityManager.close();
    }

    // tag::kit-test[]
    @Test
    void loadsParentsWithTheirChildrenInOneSelect() {
        SqlReport report = SqlCount.recordAfterFlushAndClear(entityManager, () -> {
            List<Parent> parents = entityManager.createQuery("""
                    select distinct p
                    from Parent p
                    left join fetch p.children
                    """, Parent.class).getResultList();
            parents.forEach(parent -> parent.getChildren().size());
        });

        assertThat(report).hasSelectCount(1).hasNoNPlusOne();
    }

    @Test
    @AllowNPlusOne("proves the pitfall")
    void provesTheNPlusOneOfTheLazyLoop() {
        SqlReport report = SqlCount.recordAfterFlushAndClear(entityManager, () -> entityManager
                .createQuery("from Parent", Parent.class)
                .getResultList()
                .forEach(parent -> parent.getChildren().size()));

        assertThat(report).hasSelectCount(1 + 10).hasNPlusOne();
    }

    @Test
    void leavesTheChildrenUnloaded() {
        Parent parent = entityManager.createQuery("from Parent", Parent.class).setMaxResults(1).getSingleResult();

        assertThatAssociation(parent, Parent_.children).isNotLoaded();
    }
    // end::kit-test[]
}
