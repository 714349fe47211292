package dev.relmap.testsupport;

import dev.relmap.pattern.CountFormula;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The physical floor of one pattern's reads: hand-written JDBC running the SQL its strategies need
 * and mapping the rows into plain records, with no ORM in between. Each {@link JdbcRead} names the
 * strategies it is the floor for (those returning the same rows); a strategy no read names is
 * benchmarked without a ratio. Registered in {@code META-INF/services/dev.relmap.testsupport.JdbcBaseline}
 * under {@code src/test/resources}, one per pattern package.
 */
public interface JdbcBaseline {

    /** The {@link dev.relmap.pattern.MappingPattern#name()} this is the baseline of. */
    String pattern();

    /** The hand-written reads. */
    List<JdbcRead> reads();

    /**
     * Strategies that only keep their promise on relmap's own pool, wrapped by the statement-counting
     * kit (because they check their own SQL through it); they are measured there, not on the raw pool.
     */
    default Set<String> needTheKit() {
        return Set.of();
    }

    /**
     * One hand-written read.
     *
     * @param name shown in the report as {@code JDBC: name}
     * @param floorOf the strategies that return the same rows
     * @param rows how many rows (records) it returns for N roots, checked on every operation
     * @param query runs on a connection from the pool (auto-commit off; the caller rolls back)
     */
    record JdbcRead(String name, Set<String> floorOf, CountFormula rows, Query query) {
    }

    /** The JDBC code of one read: returns the number of records it built. */
    @FunctionalInterface
    interface Query {
        int read(Connection connection, int n) throws SQLException;
    }

    /** The baseline of {@code pattern}, if one is registered. */
    static Optional<JdbcBaseline> of(String pattern) {
        return all().stream().filter(baseline -> baseline.pattern().equals(pattern)).findFirst();
    }

    /** Every registered baseline. */
    static List<JdbcBaseline> all() {
        return ServiceLoader.load(JdbcBaseline.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The read called {@code name}. */
    default JdbcRead read(String name) {
        return reads().stream().filter(read -> read.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "The JDBC baseline of " + pattern() + " has no read '" + name + "'"));
    }
}
