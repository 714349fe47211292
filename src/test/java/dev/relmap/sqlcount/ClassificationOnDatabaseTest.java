package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What statements are, measured on the database itself. */
@DisplayName("The kit classifies, on the database")
class ClassificationOnDatabaseTest {

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
    @DisplayName("a data-modifying CTE (with gone as (delete … returning *) select …) as a DELETE (PostgreSQL)")
    void dataModifyingCte() throws SQLException {
        assumeTrue(unit.settings().database() == Database.POSTGRESQL, "only PostgreSQL runs DML in a CTE");
        Long id = KitFixture.seed(unit, 1, 0).get(0);
        try (Connection connection = unit.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            SqlReport report = SqlCount.record(() -> {
                try (ResultSet rows = statement.executeQuery(
                        "with gone as (delete from kit_parent where id = " + id + " returning *) select count(*) from gone")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(1);
                }
            });
            connection.rollback();

            assertThat(report).hasDeleteCount(1).hasSelectCount(0);
        }
    }

    @Test
    @DisplayName("id allocation through GenerationType.TABLE as SEQUENCE calls, so a pure write reads nothing")
    void tableGeneratedIds() {
        SqlReport report;
        try (RelmapUnit tickets = Relmap.unit("kit-table-ids", Ticket.class).recreateSchemaAndOpen(DatabaseSettings.current())) {
            report = SqlCount.record(() -> tickets.entityManagerFactory().runInTransaction(em -> {
                for (int i = 1; i <= 3; i++) {
                    em.persist(new Ticket("ticket " + i));
                }
            }));
        }

        // allocationSize 1: per id, one read of the id row and one update of it.
        assertThat(report)
                .hasInsertCount(3)
                .hasSelectCount(0)
                .hasUpdateCount(0)
                .hasSequenceCallCount(2 * 3)
                .hasNoDuplicateReads();
    }

    @Test
    @DisplayName("one execute() carrying two statements as two statements in one round trip (H2, PostgreSQL)")
    void severalStatementsInOneExecute() throws SQLException {
        assumeTrue(unit.settings().database() != Database.MARIADB, "MariaDB refuses several statements unless allowMultiQueries");
        try (Connection connection = unit.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            SqlReport report = SqlCount.record(() -> statement.execute(
                    "insert into kit_parent (id, name) values (1, 'one; still one'); update kit_parent set name = 'uno' where id = 1;"));
            connection.rollback();

            assertThat(report).hasInsertCount(1).hasUpdateCount(1).hasStatementCount(2).hasRoundTripCount(1);
        }
    }
}
