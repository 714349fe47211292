package dev.relmap.bench;

import dev.relmap.bench.JdbcBaseline.JdbcRead;
import dev.relmap.bench.Seeded.Pool;
import dev.relmap.pattern.Strategy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One read of a pattern at N roots: a {@link Strategy} run exactly as the tests and the tour run it
 * (a fresh EntityManager, a transaction rolled back afterwards, everything the use case reads
 * touched), or a {@link JdbcRead} named {@code JDBC: name} (a connection from the same pool, rolled
 * back). Every operation checks it read the rows its declaration promises, so nothing is optimised
 * away and nothing wrong is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadBenchmark {

    /** The prefix that marks a strategy parameter as a hand-written JDBC read. */
    public static final String JDBC = "JDBC: ";

    @Param("one-to-many")
    public String pattern;

    @Param("JOIN FETCH")
    public String strategy;

    @Param("10")
    public int n;

    /** {@code raw pool} (as an application ships) or {@code kit} (relmap's unit, not recording). */
    @Param("raw pool")
    public String pool;

    /**
     * {@code default}, or {@code read-only}: the session loads entities read-only
     * ({@code Session.setDefaultReadOnly}), so it keeps no snapshots to dirty-check.
     */
    @Param("default")
    public String session;

    private Callable<Integer> read;
    private int promisedRows;

    @Setup(Level.Trial)
    public void open() {
        Seeded seeded = Seeded.of(pattern, n);
        Pool chosen = Pool.of(pool);
        if (strategy.startsWith(JDBC)) {
            JdbcRead jdbc = JdbcBaseline.of(pattern)
                    .orElseThrow(() -> new IllegalArgumentException("Pattern " + pattern + " has no JDBC baseline"))
                    .read(strategy.substring(JDBC.length()));
            promisedRows = jdbc.rows().at(n);
            DataSource dataSource = seeded.dataSource(chosen);
            read = () -> {
                try (Connection connection = dataSource.getConnection()) {
                    try {
                        return jdbc.query().read(connection, n);
                    } finally {
                        connection.rollback();
                    }
                }
            };
        } else {
            Strategy declared = seeded.pattern.strategy(strategy);
            promisedRows = declared.rows().at(n);
            EntityManagerFactory factory = seeded.entityManagerFactory(chosen);
            boolean readOnly = switch (session) {
                case "default" -> false;
                case "read-only" -> true;
                default -> throw new IllegalArgumentException("Unknown session '" + session + "'");
            };
            read = () -> {
                try (EntityManager entityManager = factory.createEntityManager()) {
                    entityManager.unwrap(Session.class).setDefaultReadOnly(readOnly);
                    entityManager.getTransaction().begin();
                    try {
                        return declared.run().applyAsInt(entityManager);
                    } finally {
                        entityManager.getTransaction().rollback();
                    }
                }
            };
        }
    }

    @Benchmark
    public int read(CpuTime cpu) throws Exception {
        cpu.start();
        int rows = read.call();
        cpu.stop();
        if (rows != promisedRows) {
            throw new IllegalStateException(pattern + " / " + strategy + " at N = " + n + " read " + rows
                    + " rows, its declaration promises " + promisedRows);
        }
        return rows;
    }
}
