package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlCount.Recorded;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pitfall behind "just make them Sets": two collections mapped as Sets can be JOIN FETCHed
 * together, in one statement, but the database returns the cartesian product of the two. The
 * entities are a minimal copy of Author with two Set collections, kept here because relmap's own
 * Author uses lists and fetches each collection in its own query instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyTwoSetsTest {

    private static final int NOVELS = 3;
    private static final int PRIZES = 2;

    private RelmapUnit unit;
    private int seeded = -1;

    @BeforeAll
    void open() {
        unit = Relmap.unit("one-to-many-sets", Writer.class, Novel.class, Prize.class)
                .recreateSchemaAndOpen(DatabaseSettings.current());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("pitfall: JOIN FETCH of two Sets is one statement that reads N × 3 novels × 2 prizes rows")
    void fetchingTwoSetsReadsTheCartesianProduct(int n) throws SQLException {
        seed(n);
        EntityManager entityManager = unit.entityManagerFactory().createEntityManager();
        try {

            Recorded<List<Writer>> writers = SqlCount.recordResult(() -> entityManager.createQuery("""
                    select w
                    from Writer w
                    left join fetch w.novels
                    left join fetch w.prizes""", Writer.class)
                    .getResultList());

            assertThat(writers.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(writers.value()).hasSize(n).allSatisfy(writer -> {
                assertThat(writer.novels).hasSize(NOVELS);
                assertThat(writer.prizes).hasSize(PRIZES);
            });
            assertThat(rowsReturnedBy(writers.report().statements().get(0).sql())).isEqualTo(n * NOVELS * PRIZES);
        } finally {
            entityManager.close();
        }
    }

    /** Runs the SQL Hibernate generated, as it was sent, and counts the rows the database returns. */
    private int rowsReturnedBy(String sql) throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }

    private void seed(int n) {
        if (seeded == n) {
            return;
        }
        unit.entityManagerFactory().runInTransaction(entityManager -> {
            entityManager.createQuery("delete from Novel").executeUpdate();
            entityManager.createQuery("delete from Prize").executeUpdate();
            entityManager.createQuery("delete from Writer").executeUpdate();
            for (int i = 1; i <= n; i++) {
                Writer writer = new Writer();
                for (int j = 1; j <= NOVELS; j++) {
                    writer.add(new Novel());
                }
                for (int j = 1; j <= PRIZES; j++) {
                    writer.add(new Prize());
                }
                entityManager.persist(writer);
                if (i % 200 == 0) {
                    SqlCount.flushAndClear(entityManager);
                }
            }
        });
        seeded = n;
    }

    // Identity equality is enough for these: each test stays inside one persistence context.

    @Entity(name = "Writer")
    @Table(name = "writer")
    static class Writer {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @OneToMany(mappedBy = "writer", cascade = CascadeType.ALL)
        Set<Novel> novels = new HashSet<>();

        @OneToMany(mappedBy = "writer", cascade = CascadeType.ALL)
        Set<Prize> prizes = new HashSet<>();

        void add(Novel novel) {
            novels.add(novel);
            novel.writer = this;
        }

        void add(Prize prize) {
            prizes.add(prize);
            prize.writer = this;
        }
    }

    @Entity(name = "Novel")
    @Table(name = "novel")
    static class Novel {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "writer_id", nullable = false)
        Writer writer;
    }

    @Entity(name = "Prize")
    @Table(name = "prize")
    static class Prize {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "writer_id", nullable = false)
        Writer writer;
    }
}
