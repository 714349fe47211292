package dev.relmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.concurrency.OptimisticRetry;
import dev.relmap.onetomany.AuthorWrites;
import dev.relmap.onetomany.SampleData;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Node 3 of the Galera cluster is killed ({@code kill -9} of its own pid) while two writers per
 * node create authors with their books. Writes through nodes 1 and 2 go on; the writers on node 3
 * fail with a connection error; a transaction node 3 had open and not committed is nowhere; then
 * {@code .ci/cluster restart-node galera 3} brings it back, and every table holds the same rows on
 * all three nodes. Whatever happens, the test leaves three synced nodes behind.
 *
 * <p>A writer on a surviving node may have its transaction rolled back while the cluster changes
 * its view (MariaDB error 1213, "Deadlock found ... try restarting transaction", on a commit in
 * flight when node 3 left). That is a refusal {@link OptimisticRetry} retries, not a lost write: the
 * test counts such aborts apart and proves none of their rows landed anywhere. It fails on any
 * other failure a surviving node reports, and on a retryable abort outside the view change (from
 * the kill until that writer commits a transaction it began after the kill), where nothing explains
 * one.
 */
@EnabledIf(value = GaleraNodes.UP, disabledReason = GaleraNodes.DOWN)
@EnabledIfSystemProperty(named = "relmap.galera.faults", matches = "true", disabledReason = "kills Galera node 3, which"
        + " everyone on the cluster shares: run it with -Drelmap.galera.faults=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GaleraNodeFailureTest {

    static final int VICTIM = 2; // node 3: other people connect through nodes 1 and 2
    static final int WRITERS_PER_NODE = 2;
    static final int COMMITS_BEFORE_AND_AFTER = 3;
    static final int MARKER = 999_999;
    static final Duration STEP_LIMIT = Duration.ofSeconds(60);
    static final Duration RESTART_LIMIT = Duration.ofSeconds(150);

    private final List<RelmapUnit> units = new ArrayList<>();
    private final AtomicBoolean killing = new AtomicBoolean();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();

    /**
     * One writer's record: what committed, what the database rolled back as retryable (landed
     * nowhere), and what failed in flight (a lost connection: maybe committed, maybe not).
     */
    private static final class Writer {
        final int node;
        final int first;
        final List<Integer> committed = new ArrayList<>();
        final List<Integer> rolledBack = new ArrayList<>();
        final List<Integer> inDoubt = new ArrayList<>();
        final List<RuntimeException> retryableAborts = new ArrayList<>();
        final List<RuntimeException> connectionFailures = new ArrayList<>();
        final List<RuntimeException> otherFailures = new ArrayList<>();
        int committedAfterKill;
        /** Whether a transaction this writer began after the kill has committed: the view change is behind it. */
        boolean settledAfterKill;

        Writer(int node, int first) {
            this.node = node;
            this.first = first;
        }
    }

    @BeforeAll
    void open() {
        Path pid = GaleraNodes.pidFile(VICTIM);
        Assumptions.assumeTrue(Files.isReadable(pid), "no pid file " + pid.toAbsolutePath() + ": node 3 was not started"
                + " by .ci/cluster with this RELMAP_CLUSTER_DIR, so the test cannot kill it by its own pid");
        for (var node : GaleraNodes.all()) {
            // A writer on the dead node waits 2 s for a connection, not the default 10.
            units.add(PatternUnits.unit(new OneToManyPattern()).named("galera-faults")
                    .property(Relmap.POOL_SIZE, WRITERS_PER_NODE + 1)
                    .property(Relmap.CONNECTION_TIMEOUT, Duration.ofSeconds(2)).recreateSchemaAndOpen(node));
        }
        GaleraNodes.awaitApplied();
    }

    @AfterAll
    void close() throws Exception {
        stop.set(true);
        try {
            units.forEach(RelmapUnit::close);
        } finally {
            if (!GaleraNodes.up()) {
                restartVictim(); // never leave the cluster a node short, even after a failure
            }
        }
    }

    @Test
    void writesGoOnWithoutNodeThreeWhichRejoinsHoldingTheSameRows() throws Exception {
        List<Writer> writers = new ArrayList<>();
        for (int node = 0; node < units.size(); node++) {
            for (int w = 0; w < WRITERS_PER_NODE; w++) {
                writers.add(new Writer(node, 100_000 * (1 + writers.size())));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        List<Future<?>> running = writers.stream().<Future<?>>map(writer -> pool.submit(() -> write(writer))).toList();
        EntityManager uncommitted = null;
        String rejoined;
        try {
            awaitUntil("every writer committed " + COMMITS_BEFORE_AND_AFTER + " times", () ->
                    writers.stream().allMatch(w -> committed(w) >= COMMITS_BEFORE_AND_AFTER));
            uncommitted = openUncommittedAuthor(units.get(VICTIM));

            kill(VICTIM);
            awaitUntil("the writers on nodes 1 and 2 committed again", () -> writers.stream()
                    .filter(w -> w.node != VICTIM).allMatch(w -> afterKill(w) >= COMMITS_BEFORE_AND_AFTER));
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("writers stopped").isTrue();
            for (Future<?> writer : running) {
                writer.get(); // a writer that died of anything but a RuntimeException says so here
            }
            if (uncommitted != null) {
                discard(uncommitted);
            }
        }
        rejoined = restartVictim();
        GaleraNodes.awaitApplied();

        Set<Integer> acknowledged = new HashSet<>();
        Set<Integer> rolledBack = new HashSet<>();
        Set<Integer> inDoubt = new HashSet<>();
        for (Writer writer : writers) {
            acknowledged.addAll(writer.committed);
            rolledBack.addAll(writer.rolledBack);
            inDoubt.addAll(writer.inDoubt);
            if (writer.node == VICTIM) {
                assertThat(writer.connectionFailures).as("a writer on the killed node (%d commits, %d after the kill;"
                        + " aborts: %s)", writer.committed.size(), writer.committedAfterKill,
                        describe(writer.retryableAborts)).isNotEmpty();
                assertThat(writer.otherFailures).as("failures on the killed node other than its connection or a"
                        + " retryable abort: %s", describe(writer.otherFailures)).isEmpty();
            } else {
                assertThat(writer.connectionFailures).as("connection failures on node %d: %s", writer.node + 1,
                        describe(writer.connectionFailures)).isEmpty();
                assertThat(writer.otherFailures).as("failures on node %d other than a retryable abort: %s",
                        writer.node + 1, describe(writer.otherFailures)).isEmpty();
            }
        }
        List<Map<String, String>> checksums = new ArrayList<>();
        for (int node = 0; node < units.size(); node++) {
            Set<Integer> present = authors(node);
            assertThat(present).as("node %d has every acknowledged commit", node + 1).containsAll(acknowledged);
            assertThat(present).as("node %d has nothing that was not written", node + 1)
                    .allMatch(author -> acknowledged.contains(author) || inDoubt.contains(author));
            assertThat(present).as("node 3's open transaction, never committed").doesNotContain(MARKER);
            assertThat(present).as("node %d has none of the transactions rolled back as retryable", node + 1)
                    .noneMatch(rolledBack::contains);
            checksums.add(checksums(node));
        }
        assertThat(checksums.get(0)).as("tables of node 1").isNotEmpty();
        assertThat(checksums.get(1)).as("every table on node 2 as on node 1").isEqualTo(checksums.get(0));
        assertThat(checksums.get(2)).as("every table on node 3 as on node 1").isEqualTo(checksums.get(0));
        Set<Integer> onNodeOne = authors(0);
        long inDoubtLanded = inDoubt.stream().filter(onNodeOne::contains).count();
        System.out.printf("relmap figures: galera, node 3 killed: %d commits acknowledged (%s per writer before/after"
                        + " the kill), %d connection failures on node 3, %d in doubt of which %d landed, %d retryable"
                        + " aborts on nodes 1 and 2 (%s); %s; checksums %s%n",
                acknowledged.size(), perWriter(writers), writers.stream().mapToInt(w -> w.connectionFailures.size()).sum(),
                inDoubt.size(), inDoubtLanded, writers.stream().filter(w -> w.node != VICTIM)
                        .mapToInt(w -> w.retryableAborts.size()).sum(),
                describe(writers.stream().filter(w -> w.node != VICTIM).flatMap(w -> w.retryableAborts.stream()).toList()),
                rejoined, checksums.get(0));
    }

    /** Creates one author with 3 books per transaction until stopped, at most 5,000 of them. */
    private void write(Writer writer) {
        RelmapUnit unit = units.get(writer.node);
        for (int i = writer.first; i < writer.first + 5_000 && !stop.get(); i++) {
            int author = i;
            boolean begunAfterKill = killed.get();
            try {
                unit.entityManagerFactory().runInTransaction(em ->
                        new AuthorWrites(em).create(SampleData.author(author, 3)));
                synchronized (writer) {
                    writer.committed.add(author);
                    writer.committedAfterKill += killed.get() ? 1 : 0;
                    writer.settledAfterKill |= begunAfterKill;
                }
            } catch (RuntimeException failure) {
                synchronized (writer) {
                    boolean duringViewChange = killing.get() && !writer.settledAfterKill;
                    if (duringViewChange && OptimisticRetry.isRetryable(failure)) {
                        writer.rolledBack.add(author);
                        writer.retryableAborts.add(failure);
                    } else {
                        writer.inDoubt.add(author);
                        (isConnectionFailure(failure) ? writer.connectionFailures : writer.otherFailures).add(failure);
                    }
                }
                pause(Duration.ofMillis(250));
            }
        }
    }

    /** A transaction on {@code node} that inserted an author and its book and is left open. */
    private EntityManager openUncommittedAuthor(RelmapUnit unit) {
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        em.getTransaction().begin();
        new AuthorWrites(em).create(SampleData.author(MARKER, 1));
        em.flush();
        return em;
    }

    private static void discard(EntityManager em) {
        try {
            em.getTransaction().rollback();
        } catch (RuntimeException connectionGone) {
            // The node it ran on is dead: there is nothing to roll back.
        } finally {
            em.close();
        }
    }

    /** kill -9 of the node's mariadbd, by the pid in the pid file .ci/cluster wrote. */
    private void kill(int node) throws Exception {
        long pid = Long.parseLong(Files.readString(GaleraNodes.pidFile(node)).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() ->
                new IllegalStateException("no process " + pid + " from " + GaleraNodes.pidFile(node)));
        killing.set(true);
        assertThat(process.destroyForcibly()).as("SIGKILL sent to mariadbd " + pid).isTrue();
        process.onExit().get(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        killed.set(true);
    }

    /** {@code .ci/cluster restart-node galera 3}: its one line of output, or a failure with it. */
    private static String restartVictim() throws Exception {
        Process restart = new ProcessBuilder(".ci/cluster", "restart-node", "galera", String.valueOf(VICTIM + 1))
                .redirectErrorStream(true).start();
        if (!restart.waitFor(RESTART_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            restart.destroyForcibly();
            throw new AssertionError(".ci/cluster restart-node galera 3 took over " + RESTART_LIMIT.toSeconds() + " s");
        }
        String output = new String(restart.getInputStream().readAllBytes()).strip();
        if (restart.exitValue() != 0) {
            throw new AssertionError(".ci/cluster restart-node galera 3 failed: " + output);
        }
        return output;
    }

    /**
     * The authors' numbers, read through {@code node} on a connection of its own: the unit's pool
     * for node 3 may still be backing off from the connections the kill broke.
     */
    private Set<Integer> authors(int node) throws SQLException {
        Set<Integer> authors = new HashSet<>();
        try (Connection connection = GaleraNodes.connect(GaleraNodes.node(node));
                Statement statement = connection.createStatement()) {
            statement.execute("set session wsrep_sync_wait = 1");
            try (ResultSet rows = statement.executeQuery("select name from `" + units.get(node).schema() + "`.author")) {
                while (rows.next()) {
                    authors.add(Integer.parseInt(rows.getString(1).substring("Author ".length())));
                }
            }
        }
        return authors;
    }


    /**
     * CHECKSUM TABLE of every base table in the unit's schema, read through {@code node}. Not the
     * sequences: the stored value of an {@code increment by 0} sequence differs between nodes even
     * on a cluster nothing happened to (node 2's is one above the others' after these tests), while
     * the ids each node hands out stay in its own residue class.
     */
    private Map<String, String> checksums(int node) throws SQLException {
        Map<String, String> checksums = new TreeMap<>();
        String schema = units.get(node).schema();
        try (Connection connection = GaleraNodes.connect(GaleraNodes.node(node));
                Statement statement = connection.createStatement()) {
            statement.execute("set session wsrep_sync_wait = 1");
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name, table_type from information_schema.tables"
                    + " where table_schema = '" + schema + "' and table_type = 'BASE TABLE' order by table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet sum = statement.executeQuery("checksum table `" + schema + "`.`" + table + "`")) {
                    sum.next();
                    checksums.put(table, sum.getString(2));
                }
            }
        }
        return checksums;
    }

    private static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    /** Each failure as its deepest cause's class and message, so a failed assertion says what happened. */
    private static String describe(List<RuntimeException> failures) {
        List<String> causes = new ArrayList<>();
        for (RuntimeException failure : failures) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String code = root instanceof SQLException sql ? " [" + sql.getSQLState() + "/" + sql.getErrorCode() + "]" : "";
            causes.add(root.getClass().getSimpleName() + code + ": " + root.getMessage());
        }
        return causes.isEmpty() ? "none" : String.join("; ", causes);
    }

    private int committed(Writer writer) {
        synchronized (writer) {
            return writer.committed.size();
        }
    }

    private int afterKill(Writer writer) {
        synchronized (writer) {
            return writer.committedAfterKill;
        }
    }

    private String perWriter(List<Writer> writers) {
        StringBuilder text = new StringBuilder();
        for (Writer w : writers) {
            synchronized (w) {
                text.append("node ").append(w.node + 1).append(": ").append(w.committed.size() - w.committedAfterKill)
                        .append('/').append(w.committedAfterKill).append(' ');
            }
        }
        return text.toString().strip();
    }

    private static void awaitUntil(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + STEP_LIMIT.toSeconds() + " s: " + what);
            }
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
