package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.testsupport.SequenceCalls;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The kit counts what Hibernate sends")
class HibernateCountingTest {

    private static RelmapUnit unit;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @AfterEach
    void clean() {
        KitFixture.clear(unit);
    }

    @Test
    @DisplayName("counts 100 persisted entities as 100 INSERT statements in ⌈100 / batch size⌉ batches")
    void batchedPersist() {
        int rows = 100;
        SqlReport report;
        int sequenceCalls;
        // A unit of its own, so the id optimizer starts fresh and the sequence calls are exact.
        try (RelmapUnit fresh = Relmap.unit("kit-batching", Parent.class, Child.class)
                .recreateSchemaAndOpen(DatabaseSettings.current())) {
            report = SqlCount.record(() -> fresh.entityManagerFactory().runInTransaction(em -> {
                for (int i = 1; i <= rows; i++) {
                    em.persist(new Parent("parent " + i));
                }
            }));
            sequenceCalls = SequenceCalls.forFreshIds(fresh.entityManagerFactory(), Parent.class, rows);
        }

        int batches = (rows + Relmap.JDBC_BATCH_SIZE - 1) / Relmap.JDBC_BATCH_SIZE;
        assertThat(report)
                .hasInsertCount(rows)
                .hasBatchCount(StatementKind.INSERT, batches)
                .hasRoundTripCount(StatementKind.INSERT, batches)
                .hasSelectCount(0)
                .hasUpdateCount(0);
        // A fresh pooled optimizer (allocation size 50) takes 3 calls for 100 ids, 1 + ⌈99 / 50⌉;
        // Galera's hilo blocks take 2, ⌈100 / 50⌉ (SequenceCalls).
        assertThat(report).hasSequenceCallCount(sequenceCalls);
    }

    @Test
    @DisplayName("counts a lazy collection initialised after the query")
    void lazyInitialisationIsCounted() {
        Long id = KitFixture.seed(unit, 1, 3).get(0);
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        try {
            Parent parent = em.find(Parent.class, id);
            assertThatAssociation(parent, Parent_.children).isNotLoaded();

            SqlReport report = SqlCount.record(() -> parent.getChildren().size());

            assertThat(report).hasSelectCount(1);
            assertThatAssociation(parent, Parent_.children).isLoaded();
        } finally {
            em.close();
        }
    }

    @Test
    @DisplayName("flags a loop over 10 parents touching each lazy collection as N+1")
    void flagsNPlusOne() {
        KitFixture.seed(unit, 10, 2);

        SqlReport report = readInNewEntityManager(em -> em.createQuery("from Parent", Parent.class)
                .getResultList()
                .forEach(parent -> parent.getChildren().size()));

        assertThat(report).hasSelectCount(11).hasNPlusOne();
        assertThat(report.nPlusOne()).singleElement().satisfies(shape -> {
            assertThat(shape.executions()).isEqualTo(10);
            assertThat(shape.distinctParameterSets()).isEqualTo(10);
            assertThat(shape.callSite()).contains("HibernateCountingTest");
        });
    }

    @Test
    @DisplayName("does not flag one JOIN FETCH query")
    void joinFetchIsNotNPlusOne() {
        KitFixture.seed(unit, 10, 2);

        SqlReport report = readInNewEntityManager(em -> em.createQuery(
                        "select distinct p from Parent p left join fetch p.children", Parent.class)
                .getResultList()
                .forEach(parent -> parent.getChildren().size()));

        assertThat(report).hasSelectCount(1).hasNoNPlusOne();
    }

    @Test
    @DisplayName("reports batch fetching of 10 parents with @BatchSize(4) as 3 round trips for 10 keys, not N+1")
    void batchFetchIsNotNPlusOne() {
        KitFixture.seed(unit, 10, 2);

        SqlReport report = readInNewEntityManager(em -> em.createQuery("from Parent", Parent.class)
                .getResultList()
                .forEach(parent -> parent.getBatchedChildren().size()));

        assertThat(report)
                .hasSelectCount(1 + 3)
                .hasNoNPlusOne()
                .hasBatchFetch(3, 10);
    }

    @Test
    @DisplayName("reports batch fetching of 3 parents with @BatchSize(4) as 1 round trip for 3 keys, not N+1")
    void batchFetchInOneRoundTrip() {
        KitFixture.seed(unit, 3, 2);

        SqlReport report = readInNewEntityManager(em -> em.createQuery("from Parent", Parent.class)
                .getResultList()
                .forEach(parent -> parent.getBatchedChildren().size()));

        assertThat(report)
                .hasSelectCount(1 + 1)
                .hasNoNPlusOne()
                .hasBatchFetch(1, 3);
        assertThat(report.batchFetches()).singleElement().satisfies(shape -> assertThat(shape.headline())
                .isEqualTo("1 round trip for 3 keys (a key list read at once, not N+1)"));
    }

    @Test
    @DisplayName("calls the same read twice with the same parameters a duplicate read")
    void duplicateRead() {
        Long id = KitFixture.seed(unit, 1, 0).get(0);

        SqlReport report = readInNewEntityManager(em -> {
            em.find(Parent.class, id);
            em.clear();
            em.find(Parent.class, id);
        });

        assertThat(report).hasSelectCount(2).hasNoNPlusOne();
        assertThat(report.duplicateReads()).hasSize(1);
    }

    @Test
    @DisplayName("flushes and clears before recording, so pending inserts are not counted and reads hit the database")
    void recordAfterFlushAndClear() {
        unit.runInRolledBackTransaction(em -> {
            Parent parent = new Parent("pending");
            em.persist(parent);

            SqlReport report = SqlCount.recordAfterFlushAndClear(em, () -> em.find(Parent.class, parent.getId()));

            assertThat(report).hasSelectCount(1).hasInsertCount(0);
        });
    }

    private static SqlReport readInNewEntityManager(java.util.function.Consumer<EntityManager> work) {
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        try {
            return SqlCount.record(() -> work.accept(em));
        } finally {
            em.close();
        }
    }

}
