package dev.relmap.cluster;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.DatabaseUnavailableException;
import dev.relmap.bootstrap.GaleraDialect;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.MariaDBDialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The id strategies a Galera cluster leaves, side by side in one run: 1,000 rows inserted in one
 * transaction through node 1 (statements counted, time as a ratio to relmap's choice), and 3 × 334
 * rows written through the three nodes at once (unique, or refused). The table goes to standard
 * output; docs/scaling-out.md quotes it.
 */
@EnabledIf(value = GaleraNodes.UP, disabledReason = GaleraNodes.DOWN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GaleraIdChoicesTest {

    private static final int ROWS = 1000;
    private static final int REPEATS = 3;

    /** One way of making ids: the entity that uses it and the unit properties it needs. */
    private record Choice(String name, Class<?> entity, Function<String, Object> row, Map<String, Object> properties) {

        UnitSpec unit(String suffix) {
            return Relmap.unit("ids-" + entity.getSimpleName() + "-" + suffix, entity).properties(properties);
        }
    }

    private static final Choice POOLED = new Choice("pooled sequence, nocache (Hibernate's MariaDB DDL)",
            Notes.SequenceNote.class, Notes.SequenceNote::new,
            Map.of(AvailableSettings.DIALECT, MariaDBDialect.class.getName()));
    private static final Choice HILO = new Choice("increment by 0 + hilo (GaleraDialect, relmap's choice)",
            Notes.SequenceNote.class, Notes.SequenceNote::new,
            Map.of(AvailableSettings.DIALECT, GaleraDialect.class.getName()));
    private static final Choice IDENTITY = new Choice("IDENTITY, Galera's auto-increment offsets",
            Notes.IdentityNote.class, Notes.IdentityNote::new, Map.of());
    private static final Choice UUIDS = new Choice("UUID", Notes.UuidNote.class, Notes.UuidNote::new, Map.of());

    private final Map<String, Measured> galera = new LinkedHashMap<>();

    private record Measured(SqlReport first, long bestNanos, String threeNodesAtOnce) {
    }

    @BeforeAll
    void measure() throws Exception {
        measure(UUIDS, GaleraNodes.node(0), "w"); // warms the JVM, so the first choice timed is not the cold one
        for (Choice choice : List.of(POOLED, HILO, IDENTITY, UUIDS)) {
            galera.put(choice.name(), measure(choice, GaleraNodes.node(0), "g"));
        }
        Map<String, Measured> single = new LinkedHashMap<>();
        DatabaseSettings server = new DatabaseSettings(Database.MARIADB, Database.MARIADB.defaultUrl(),
                Database.MARIADB.defaultUser(), Database.MARIADB.defaultPassword(),
                DatabaseSettings.current().schemaPrefix());
        try {
            single.put(POOLED.name(), measure(POOLED, server, "s"));
            single.put(HILO.name(), measure(HILO, server, "s"));
        } catch (DatabaseUnavailableException noSingleServer) {
            System.out.println("No single MariaDB server at " + server.url() + " to compare with");
        }
        print(single);
    }

    @Test
    void pooledAndHiloBothCallTheSequenceOncePer50RowsAndBatchTheInserts() {
        assertThat(galera.get(POOLED.name()).first())
                .hasInsertCount(ROWS).hasBatchCount(StatementKind.INSERT, ROWS / Relmap.JDBC_BATCH_SIZE)
                // A fresh pooled sequence's first call reserves one id; each later call 50.
                .hasSequenceCallCount(1 + (ROWS - 1 + 49) / 50);
        assertThat(galera.get(HILO.name()).first())
                .hasInsertCount(ROWS).hasBatchCount(StatementKind.INSERT, ROWS / Relmap.JDBC_BATCH_SIZE)
                .hasSequenceCallCount(ROWS / 50);
    }

    @Test
    void identityInsertsOneRowPerRoundTripAndUuidsNeedNoSequence() {
        assertThat(galera.get(IDENTITY.name()).first())
                .hasInsertCount(ROWS).hasBatchCount(StatementKind.INSERT, 0).hasSequenceCallCount(0);
        assertThat(galera.get(IDENTITY.name()).first().roundTrips()).isEqualTo(ROWS);
        assertThat(galera.get(UUIDS.name()).first())
                .hasInsertCount(ROWS).hasBatchCount(StatementKind.INSERT, ROWS / Relmap.JDBC_BATCH_SIZE)
                .hasSequenceCallCount(0);
    }

    @Test
    void hiloIdentityAndUuidsStayUniqueWhenThreeNodesWriteAtOnce() {
        assertThat(galera.get(HILO.name()).threeNodesAtOnce()).isEqualTo("unique");
        assertThat(galera.get(IDENTITY.name()).threeNodesAtOnce()).isEqualTo("unique");
        assertThat(galera.get(UUIDS.name()).threeNodesAtOnce()).isEqualTo("unique");
    }

    private static Measured measure(Choice choice, DatabaseSettings where, String suffix) throws Exception {
        SqlReport first = null;
        long best = Long.MAX_VALUE;
        try (RelmapUnit unit = choice.unit(suffix + "1").recreateSchemaAndOpen(where)) {
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                long started = System.nanoTime();
                SqlReport report = unit.entityManagerFactory().callInTransaction(entityManager ->
                        SqlCount.record(() -> {
                            for (int i = 0; i < ROWS; i++) {
                                entityManager.persist(choice.row().apply("note " + i));
                            }
                            entityManager.flush();
                        }));
                best = Math.min(best, System.nanoTime() - started);
                first = first == null ? report : first;
            }
        }
        String atOnce = suffix.equals("g") ? threeNodesAtOnce(choice, suffix + "3") : "-";
        return new Measured(first, best, atOnce);
    }

    /** 334 rows through each node, the three writers started together: "unique" or the first refusal. */
    private static String threeNodesAtOnce(Choice choice, String suffix) throws Exception {
        List<RelmapUnit> units = new ArrayList<>();
        try {
            // One schema: each unit recreates it with the same DDL as it opens.
            for (DatabaseSettings node : GaleraNodes.all()) {
                units.add(choice.unit(suffix).recreateSchemaAndOpen(node));
            }
            GaleraNodes.awaitApplied();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService writers = Executors.newFixedThreadPool(units.size());
            List<Future<?>> done = new ArrayList<>();
            for (RelmapUnit unit : units) {
                done.add(writers.submit(() -> {
                    start.await();
                    for (int t = 0; t < 2; t++) {
                        unit.entityManagerFactory().runInTransaction(entityManager -> {
                            for (int i = 0; i < 167; i++) {
                                entityManager.persist(choice.row().apply("note " + i));
                            }
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            writers.shutdown();
            writers.awaitTermination(2, TimeUnit.MINUTES);
            for (Future<?> writer : done) {
                try {
                    writer.get();
                } catch (ExecutionException refused) {
                    return "refused: " + rootMessage(refused);
                }
            }
            return "unique";
        } finally {
            units.forEach(RelmapUnit::close);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return message.replaceAll("\\s+", " ").replaceAll("^\\(conn=\\d+\\) ", "");
    }

    private void print(Map<String, Measured> single) {
        long hilo = galera.get(HILO.name()).bestNanos();
        StringBuilder table = new StringBuilder("\nIds for " + ROWS + " rows in one transaction"
                + " (time: best of " + REPEATS + ", as a ratio to increment by 0 + hilo on Galera node 1 = "
                + hilo / 1_000_000 + " ms)\n"
                + "| choice | where | INSERTs | round trips | batches | SEQUENCE calls | time | 3 nodes at once |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        galera.forEach((name, m) -> table.append(row(name, "Galera node 1", m, hilo)));
        single.forEach((name, m) -> table.append(row(name, "single MariaDB", m, hilo)));
        System.out.println(table);
    }

    private static String row(String name, String where, Measured m, long reference) {
        SqlReport r = m.first();
        return "| %s | %s | %d | %d | %d | %d | %.2f | %s |%n".formatted(name, where, r.inserts(), r.roundTrips(),
                r.batches(StatementKind.INSERT), r.sequenceCalls(), (double) m.bestNanos() / reference,
                m.threeNodesAtOnce());
    }
}
