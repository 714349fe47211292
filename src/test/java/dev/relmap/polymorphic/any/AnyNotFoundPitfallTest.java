package dev.relmap.polymorphic.any;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.EntityNotFoundException;
import java.util.List;
import org.hibernate.FetchNotFoundException;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Why {@link CommentRepository} does not answer a dangling comment with {@code @NotFound(IGNORE)}:
 * on a {@code @ManyToOne} it turns a missing row into {@code null} (and forces the association
 * EAGER), but Hibernate 7.4 does not read it on an {@code @Any}, without a warning. Four comments
 * on items that exist, one on post 999 999, which does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnyNotFoundPitfallTest {

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        unit = Relmap.unit("polymorphic-any-not-found", Post.class, Product.class, NotFoundComment.class)
                .recreateSchemaAndOpen(DatabaseSettings.current());
        unit.entityManagerFactory().runInTransaction(entityManager -> {
            for (int i = 1; i <= 4; i++) {
                Commentable item = SampleData.item(i);
                entityManager.persist(item);
                entityManager.persist(new NotFoundComment(item, "Comment " + i));
            }
            entityManager.persist(new NotFoundComment(entityManager.getReference(Post.class, 999_999L), "Dangling"));
        });
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @Test
    @DisplayName("pitfall: with @NotFound(IGNORE) on @Any a JOIN FETCH still fails as a whole on one dangling comment, in 1 SELECT")
    void theJoinFetchStillFailsOnADanglingComment() {
        unit.runInRolledBackTransaction(entityManager -> {
            Throwable[] thrown = new Throwable[1];
            SqlReport report = SqlCount.record(() -> thrown[0] = catchThrowable(() -> entityManager.createQuery(
                    "select c from NotFoundComment c left join fetch c.item", NotFoundComment.class).getResultList()));

            assertThat(report).hasSelectCount(1).hasStatementCount(1);
            assertThat(thrown[0]).isInstanceOf(FetchNotFoundException.class)
                    .hasMessageContaining("dev.relmap.polymorphic.any.Post").hasMessageContaining("999999");
        });
    }

    @Test
    @DisplayName("pitfall: with @NotFound(IGNORE) on @Any the item stays LAZY and dangling is a proxy, not null: reading it fails")
    void theDanglingItemIsAProxyNotNull() {
        unit.runInRolledBackTransaction(entityManager -> {
            SqlCount.Recorded<List<NotFoundComment>> listed = SqlCount.recordResult(() -> entityManager.createQuery(
                    "select c from NotFoundComment c where c.body = 'Dangling'", NotFoundComment.class).getResultList());
            Commentable item = listed.value().get(0).getItem();
            boolean initializedWhenListed = Hibernate.isInitialized(item);

            SqlCount.Recorded<Throwable> read = SqlCount.recordResult(() -> catchThrowable(item::getLabel));

            assertThat(listed.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(item).isNotNull();
            assertThat(initializedWhenListed).isFalse();
            assertThat(read.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(read.value()).isInstanceOf(EntityNotFoundException.class).hasMessageContaining("999999");
        });
    }
}
