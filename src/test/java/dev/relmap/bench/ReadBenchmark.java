package dev.relmap.bench;

import dev.relmap.bench.Seeded.Pool;
import dev.relmap.pattern.Strategy;
import dev.relmap.testsupport.JdbcBaseline;
import dev.relmap.testsupport.JdbcBaseline.JdbcRead;
import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
 * touched), a {@link JdbcRead} named {@code JDBC: name} (a connection from the same pool, rolled
 * back), or a {@link Peer} named {@code peer: name} (what users would write instead, promising its
 * floor's rows). Every operation checks it read the rows its declaration promises, so nothing is optimised
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
     * An entity-gap lever, or {@code none}: the read as relmap ships it. The levers of the session
     * and the factory ({@link Lever#READ_ONLY}, {@link Lever#FETCH_SIZE}, {@link Lever#NO_PLAN_CACHE},
     * {@link Lever#NO_WATCHER}, {@link Lever#FLUSH_MANUAL}, {@link Lever#CACHE_IGNORE}) apply to any
     * strategy; the others replace the one-to-many JOIN FETCH
     * by the same query on a copy of its mapping, or in a {@code StatelessSession}.
     */
    @Param("none")
    public String lever;

    private Callable<Integer> read;
    private int promisedRows;

    @Setup(Level.Trial)
    public void open() {
        Seeded seeded = Seeded.of(pattern, n);
        Pool chosen = Pool.of(pool);
        Lever chosenLever = Lever.of(lever);
        if (strategy.startsWith(JDBC)) {
            if (chosenLever != Lever.NONE) {
                throw new IllegalArgumentException("The lever '" + lever + "' is Hibernate's, not JDBC's");
            }
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
            return;
        }
        Optional<Peer> peer = Peer.named(pattern, strategy);
        if (peer.isPresent()) {
            if (chosenLever != Lever.NONE) {
                throw new IllegalArgumentException("The lever '" + lever + "' is relmap's, not " + strategy + "'s");
            }
            promisedRows = JdbcBaseline.of(pattern).orElseThrow().read(peer.get().floor()).rows().at(n);
            read = peer.get().read(seeded, chosen);
            return;
        }
        Strategy declared = seeded.pattern.strategy(strategy);
        promisedRows = declared.rows().at(n);
        read = chosenLever.read(seeded, chosen, declared);
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
