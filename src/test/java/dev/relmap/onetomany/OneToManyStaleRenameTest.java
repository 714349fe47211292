package dev.relmap.onetomany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.catalog.PatternUnits;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two editors rename the same author; the author's {@code @Version} keeps the second from undoing the first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyStaleRenameTest {

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        unit = PatternUnits.unit(new OneToManyPattern()).named("one-to-many-stale-rename").recreateSchemaAndOpen(DatabaseSettings.current());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @Test
    @DisplayName("a rename based on a stale read fails with OptimisticLockException, and the other rename stays")
    void staleRenameRefused() {
        EntityManagerFactory factory = unit.entityManagerFactory();
        long id = factory.callInTransaction(em -> {
            Author author = new Author("Ann", "ann@example.com");
            em.persist(author);
            return author.getId();
        });

        Throwable failure;
        try (EntityManager late = factory.createEntityManager()) {
            late.getTransaction().begin();
            Author stale = late.find(Author.class, id);
            factory.runInTransaction(other -> other.find(Author.class, id).setName("Ann Other"));
            stale.setName("Ann Late");
            failure = catchThrowable(late::flush);
            late.getTransaction().rollback();
        }

        assertThat(failure).isInstanceOf(OptimisticLockException.class)
                .hasCauseInstanceOf(StaleObjectStateException.class);
        String name = factory.callInTransaction(em -> em.find(Author.class, id).getName());
        assertThat(name).isEqualTo("Ann Other");
    }
}
