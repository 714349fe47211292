package dev.relmap.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.testsupport.JdbcBaseline.JdbcRead;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every pattern's baseline test checks first, on a unit seeded with N roots: each strategy is
 * the floor of exactly one read, and that read, its declaration and every strategy it is the floor
 * of count the same rows. The pattern's own test then compares the rows themselves.
 */
public final class JdbcBaselineCheck {

    private JdbcBaselineCheck() {
    }

    /** Asserts the counts above for {@code pattern}'s registered baseline at {@code n}. */
    public static void assertCountsMatch(MappingPattern pattern, RelmapUnit unit, int n) throws SQLException {
        JdbcBaseline baseline = JdbcBaseline.of(pattern.name()).orElseThrow(
                () -> new AssertionError("No JDBC baseline registered for " + pattern.name()));
        Set<String> covered = new TreeSet<>();
        for (JdbcRead read : baseline.reads()) {
            int rows = read(unit, read.query(), n);
            assertThat(rows).as("JDBC: %s at N = %d", read.name(), n).isEqualTo(read.rows().at(n));
            for (String name : read.floorOf()) {
                assertThat(covered.add(name)).as("%s is the floor of one read only", name).isTrue();
                Strategy strategy = pattern.strategy(name);
                assertThat(strategy.rows().at(n)).as("%s declares the rows of JDBC: %s", name, read.name())
                        .isEqualTo(rows);
                assertThat(unit.callInRolledBackTransaction(strategy.run()::applyAsInt))
                        .as("%s reads the rows of JDBC: %s", name, read.name()).isEqualTo(rows);
            }
        }
        assertThat(covered).as("strategies with a floor")
                .containsExactlyInAnyOrderElementsOf(pattern.strategies().stream().map(Strategy::name).toList());
    }

    /** Runs a baseline's JDBC code on the unit's pool, auto-commit off, rolled back. */
    public static <T> T read(RelmapUnit unit, Sql<T> sql) throws SQLException {
        try (Connection connection = unit.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                return sql.run(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    private static int read(RelmapUnit unit, JdbcBaseline.Query query, int n) throws SQLException {
        return read(unit, connection -> query.read(connection, n));
    }

    /** JDBC code returning rows. */
    @FunctionalInterface
    public interface Sql<T> {
        T run(Connection connection) throws SQLException;
    }
}
