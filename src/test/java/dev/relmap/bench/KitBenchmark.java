package dev.relmap.bench;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the statement-counting kit costs per statement: {@value #STATEMENTS} statements of the
 * shape Hibernate sends for a tiny read (prepare, bind one value, execute, read one row, close) on
 * one connection, each for another author (a loop the kit would call N+1 if it were one test), through the raw pool, the kit not recording, the kit recording (one recording
 * around the {@value #STATEMENTS}) and datasource-proxy counting queries around the same pool.
 * Scores are per statement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KitBenchmark {

    static final int STATEMENTS = 100;

    public static final String RAW = "raw pool";
    public static final String KIT = "kit, not recording";
    public static final String RECORDING = "kit, recording";
    public static final String DATASOURCE_PROXY = "datasource-proxy (countQuery)";

    @Param(RAW)
    public String pool;

    private DataSource dataSource;
    private boolean recording;
    private List<Long> authorIds;

    @Setup(Level.Trial)
    public void open() {
        Seeded seeded = Seeded.of("one-to-many", STATEMENTS);
        authorIds = seeded.unit.callInRolledBackTransaction(entityManager -> entityManager
                .createQuery("select a.id from Author a order by a.id", Long.class).getResultList());
        dataSource = switch (pool) {
            case RAW -> seeded.rawPool;
            case KIT, RECORDING -> seeded.unit.dataSource();
            case DATASOURCE_PROXY -> ProxyDataSourceBuilder.create(seeded.rawPool).countQuery().build();
            default -> throw new IllegalArgumentException("Unknown pool '" + pool + "'");
        };
        recording = pool.equals(RECORDING);
    }

    @Benchmark
    @OperationsPerInvocation(STATEMENTS)
    public long statements(CpuTime cpu) throws Exception {
        cpu.start();
        try (Connection connection = dataSource.getConnection()) {
            try {
                if (!recording) {
                    return run(connection);
                }
                long[] sum = new long[1];
                SqlReport report = SqlCount.record(() -> sum[0] = run(connection));
                if (report.selects() != STATEMENTS) {
                    throw new IllegalStateException("The kit recorded " + report.selects() + " SELECTs, not " + STATEMENTS);
                }
                return sum[0];
            } finally {
                connection.rollback();
            }
        } finally {
            cpu.stop();
        }
    }

    private long run(Connection connection) throws SQLException {
        long sum = 0;
        for (int i = 0; i < STATEMENTS; i++) {
            try (PreparedStatement statement = connection.prepareStatement("select id from author where id = ?")) {
                statement.setLong(1, authorIds.get(i));
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("Author " + authorIds.get(i) + " is gone");
                    }
                    sum += rows.getLong(1);
                }
            }
        }
        return sum;
    }
}
