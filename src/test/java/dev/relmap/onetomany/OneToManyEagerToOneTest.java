package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pitfall behind {@code @ManyToOne(fetch = LAZY)} on {@link Book#getAuthor()}: JPA's default
 * for a to-one is EAGER, and a query does not join an EAGER to-one, so Hibernate loads each
 * distinct author with a SELECT of its own, whether or not the caller reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyEagerToOneTest {

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        unit = Relmap.unit("one-to-many-eager", Author.class, Book.class, Award.class, Review.class)
                .recreateSchemaAndOpen(DatabaseSettings.current());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("pitfall: listing reviews with the default EAGER author costs 1 + N statements, nothing touched")
    void theDefaultEagerToOneLoadsEveryAuthorUpFront(int n) {
        seed(n);
        EntityManager entityManager = unit.entityManagerFactory().createEntityManager();
        try {

            SqlReport report = SqlCount.record(() ->
                    entityManager.createQuery("select r from Review r", Review.class).getResultList());

            assertThat(report).hasSelectCount(1 + n).hasStatementCount(1 + n);
        } finally {
            entityManager.close();
        }
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    void listingBooksWithTheirLazyAuthorIsOneStatement(int n) {
        seed(n);
        EntityManager entityManager = unit.entityManagerFactory().createEntityManager();
        try {

            SqlReport report = SqlCount.record(() ->
                    entityManager.createQuery("select b from Book b", Book.class).getResultList());

            assertThat(report).hasSelectCount(1).hasStatementCount(1);
        } finally {
            entityManager.close();
        }
    }

    /** N authors with their books, and one review of each. */
    private void seed(int n) {
        unit.entityManagerFactory().runInTransaction(entityManager -> {
            entityManager.createQuery("delete from Review").executeUpdate();
            SampleData.clear(entityManager);
            SampleData.seed(entityManager, n);
            for (Author author : entityManager.createQuery("select a from Author a", Author.class).getResultList()) {
                entityManager.persist(new Review(author));
            }
        });
    }

    @Entity(name = "Review")
    @Table(name = "review")
    static class Review {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @ManyToOne // JPA's default: fetch = EAGER
        @JoinColumn(name = "author_id", nullable = false)
        Author author;

        protected Review() {
        }

        Review(Author author) {
            this.author = author;
        }
    }
}
