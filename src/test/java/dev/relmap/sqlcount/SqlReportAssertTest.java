package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The kit's assertions")
class SqlReportAssertTest {

    private static RelmapUnit unit;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        KitFixture.seed(unit, 4, 1);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @Test
    @DisplayName("fail with the evidence: the shape, how often it ran, its first parameters, the call site and the log")
    void failureMessageCarriesTheEvidence() {
        SqlReport report = SqlCount.record(() -> inEntityManager(em -> em.createQuery("from Parent", Parent.class)
                .getResultList()
                .forEach(parent -> parent.getChildren().size())));

        assertThatThrownBy(() -> assertThat(report).hasSelectCount(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 1 SELECT statement but 5 ran")
                .hasMessageContaining("4× SELECT in 4 round trips, 4 different parameter sets: N+1")
                .hasMessageContaining("where c1_0.parent_id=?")
                .hasMessageContaining("parameters: [")
                .hasMessageContaining("first called from dev.relmap.sqlcount.SqlReportAssertTest")
                .hasMessageContaining("Statement log:")
                .hasMessageContaining("    5. SELECT");
        assertThatThrownBy(() -> assertThat(report).hasNoNPlusOne())
                .hasMessageContaining("Expected no N+1 but found: 4× SELECT");
    }

    @Test
    @DisplayName("tell whether an association is loaded without issuing SQL, also after the EntityManager closed")
    void associationLoadedness() {
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        Parent lazy = em.createQuery("from Parent order by id", Parent.class).setMaxResults(1).getSingleResult();
        em.clear();
        Parent fetched = em.createQuery("select p from Parent p join fetch p.children order by p.id", Parent.class)
                .setMaxResults(1).getSingleResult();
        em.close();

        SqlReport report = SqlCount.record(() -> {
            assertThatAssociation(lazy, Parent_.children).isNotLoaded();
            assertThatAssociation(fetched, "children").isLoaded();
        });

        assertThat(report).hasNoStatements();
        assertThatThrownBy(() -> assertThatAssociation(lazy, Parent_.children).isLoaded())
                .hasMessage("Expected Parent.children to be loaded but it is not");
    }

    private static void inEntityManager(java.util.function.Consumer<EntityManager> work) {
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        try {
            work.accept(em);
        } finally {
            em.close();
        }
    }
}
