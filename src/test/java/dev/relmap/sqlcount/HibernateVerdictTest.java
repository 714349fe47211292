package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Verdicts on the SQL Hibernate sends, by the rule of {@link ShapeSummary.Verdict}. */
@DisplayName("The kit's verdicts on Hibernate's SQL")
class HibernateVerdictTest {

    private static RelmapUnit unit;
    private static final List<Long> parents = new ArrayList<>();

    @BeforeAll
    static void open() {
        unit = Relmap.unit("kit-verdicts", Keeper.class, Animal.class, Pet.class, Cat.class, Dog.class,
                Parent.class, Child.class).recreateSchemaAndOpen(DatabaseSettings.current());
        unit.entityManagerFactory().runInTransaction(em -> {
            for (int i = 1; i <= 4; i++) {
                Keeper keeper = new Keeper("keeper " + i);
                em.persist(keeper);
                em.persist(new Cat("Tom", keeper));
                em.persist(new Dog("Rex", keeper));
            }
        });
        parents.addAll(KitFixture.seed(unit, 5, 0));
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @Nested
    @DisplayName("call a lazy loop N+1 although its SQL holds a list of literals")
    class ListsOfLiterals {

        @Test
        @DisplayName("a collection of a non-leaf SINGLE_TABLE subclass (dtype in ('Cat','Dog'))")
        void nonLeafSubclassCollection() {
            SqlReport report = record(em -> em.createQuery("from Keeper", Keeper.class).getResultList()
                    .forEach(keeper -> keeper.getPets().size()));

            assertThat(report).hasSelectCount(1 + 4).hasNPlusOne();
            assertThat(report.nPlusOne().get(0).shape()).contains("dtype in (?, ?)");
            assertThat(report.batchFetches()).isEmpty();
        }

        @Test
        @DisplayName("a collection with @SQLRestriction(\"name in ('Tom', 'Rex')\")")
        void restrictedCollection() {
            SqlReport report = record(em -> em.createQuery("from Keeper", Keeper.class).getResultList()
                    .forEach(keeper -> keeper.getFavourites().size()));

            assertThat(report).hasSelectCount(1 + 4).hasNPlusOne();
            assertThat(report.batchFetches()).isEmpty();
        }
    }

    @Test
    @DisplayName("call HQL built by concatenation ('where p.id = ' + id) in a loop N+1, not a duplicate read")
    void concatenatedHqlIsNPlusOne() {
        SqlReport report = record(em -> parents.forEach(id ->
                em.createQuery("select p.name from Parent p where p.id = " + id, String.class).getSingleResult()));

        assertThat(report).hasSelectCount(5).hasNPlusOne().hasNoDuplicateReads();
    }

    @Nested
    @DisplayName("call N+1 the same shape read with different values from the same line of code")
    class SameLine {

        @Test
        @DisplayName("two finds of two ids on two lines are not N+1")
        void twoFindsOnTwoLines() {
            SqlReport report = record(em -> {
                em.find(Parent.class, parents.get(0));
                em.find(Parent.class, parents.get(1));
            });

            assertThat(report).hasSelectCount(2).hasNoNPlusOne().hasNoDuplicateReads();
            assertThat(report.shapes()).singleElement().satisfies(shape -> {
                assertThat(shape.verdict()).isEqualTo(ShapeSummary.Verdict.NONE);
                assertThat(shape.headline()).endsWith("from 2 different lines");
            });
        }

        @Test
        @DisplayName("two StatelessSession.get calls on two lines are not N+1")
        void twoStatelessGetsOnTwoLines() {
            SessionFactory factory = unit.entityManagerFactory().unwrap(SessionFactory.class);
            SqlReport report;
            try (StatelessSession session = factory.openStatelessSession()) {
                report = SqlCount.record(() -> {
                    session.get(Parent.class, parents.get(0));
                    session.get(Parent.class, parents.get(1));
                });
            }

            assertThat(report).hasSelectCount(2).hasNoNPlusOne();
        }

        @Test
        @DisplayName("a loop of two finds is N+1")
        void aLoopOfTwoIsNPlusOne() {
            SqlReport report = record(em -> parents.subList(0, 2).forEach(id -> em.find(Parent.class, id)));

            assertThat(report).hasSelectCount(2).hasNPlusOne();
        }

        @Test
        @DisplayName("a loop over pages is a paging loop, not N+1")
        void pagingLoop() {
            SqlReport report = record(em -> {
                for (int page = 1; page <= 3; page++) {
                    em.createQuery("from Parent order by id", Parent.class)
                            .setFirstResult(page).setMaxResults(1).getResultList();
                }
            });

            assertThat(report).hasSelectCount(3).hasNoNPlusOne().hasNoDuplicateReads();
            assertThat(report.pagingLoops()).singleElement()
                    .satisfies(shape -> assertThat(shape.headline()).endsWith("paging loop"));
        }
    }

    private static SqlReport record(Consumer<EntityManager> work) {
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        try {
            return SqlCount.record(() -> work.accept(em));
        } finally {
            em.close();
        }
    }
}
