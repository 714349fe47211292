package dev.relmap.cluster;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.onetomany.AuthorWrites;
import dev.relmap.onetomany.SampleData;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Ids on a multi-primary cluster: three writers, one per Galera node, create one-to-many authors
 * with their books at the same moment, and every transaction commits the first time, with no
 * retry. Hibernate's MariaDB defaults fail here: two nodes read the same {@code nocache} sequence
 * row at once and hand out the same ids, so one commit is refused, as a certification conflict
 * ({@code Deadlock found when trying to get lock}) when both inserts are in flight, else as
 * {@code Duplicate entry … for key 'PRIMARY'}. relmap
 * opens units on a Galera node with {@link dev.relmap.bootstrap.GaleraDialect}, whose
 * {@code increment by 0} sequences draw from a residue class per node.
 */
@EnabledIf(value = GaleraNodes.UP, disabledReason = GaleraNodes.DOWN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GaleraIdsTest {

    private static final int TRANSACTIONS = 6;
    private static final int AUTHORS_PER_TRANSACTION = 10;
    private static final int BOOKS_PER_AUTHOR = 3;

    private final List<RelmapUnit> units = new ArrayList<>();

    @BeforeAll
    void open() {
        // One schema written through all three nodes. Each unit recreates it as it opens, with the
        // same DDL, so all three use the tables the last one created.
        for (var node : GaleraNodes.all()) {
            units.add(PatternUnits.unit(new OneToManyPattern()).named("galera-ids").recreateSchemaAndOpen(node));
        }
        GaleraNodes.awaitApplied();
    }

    @AfterAll
    void close() {
        units.forEach(RelmapUnit::close);
    }

    @Test
    void threeNodesWrittenAtOnceHandOutDistinctIdsWithNoRetry() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(units.size());
        List<Future<SqlReport>> reports = new ArrayList<>();
        for (int node = 0; node < units.size(); node++) {
            RelmapUnit unit = units.get(node);
            int firstAuthor = 1000 * (node + 1);
            reports.add(writers.submit(() -> {
                start.await();
                return SqlCount.record(() -> write(unit, firstAuthor));
            }));
        }

        start.countDown();
        writers.shutdown();
        assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        List<SqlReport> done = new ArrayList<>();
        for (Future<SqlReport> report : reports) {
            done.add(report.get()); // rethrows a writer's failed commit, such as a duplicate key
        }
        GaleraNodes.awaitApplied();
        int authorsPerNode = TRANSACTIONS * AUTHORS_PER_TRANSACTION;
        for (SqlReport report : done) {
            assertThat(report)
                    .hasInsertCount(authorsPerNode * (1 + BOOKS_PER_AUTHOR))
                    // hilo: one call per 50 ids, ⌈60 / 50⌉ for authors and ⌈180 / 50⌉ for books.
                    .hasSequenceCallCount(2 + 4);
        }
        for (RelmapUnit unit : units) {
            assertThat(count(unit, "select count(distinct a.id) from Author a"))
                    .isEqualTo(units.size() * authorsPerNode);
            assertThat(count(unit, "select count(distinct b.id) from Book b join b.author a"))
                    .isEqualTo(units.size() * authorsPerNode * BOOKS_PER_AUTHOR);
        }
    }

    /** {@value #TRANSACTIONS} transactions of {@value #AUTHORS_PER_TRANSACTION} authors each. */
    private static void write(RelmapUnit unit, int firstAuthor) {
        for (int t = 0; t < TRANSACTIONS; t++) {
            int first = firstAuthor + t * AUTHORS_PER_TRANSACTION;
            unit.entityManagerFactory().runInTransaction(entityManager -> {
                AuthorWrites writes = new AuthorWrites(entityManager);
                for (int i = first; i < first + AUTHORS_PER_TRANSACTION; i++) {
                    writes.create(SampleData.author(i, BOOKS_PER_AUTHOR));
                }
            });
        }
    }

    private static long count(RelmapUnit unit, String jpql) {
        return unit.callInRolledBackTransaction(entityManager ->
                entityManager.createQuery(jpql, Long.class).getSingleResult());
    }
}
