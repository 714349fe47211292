package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The kit counts raw JDBC")
class RawJdbcCountingTest {

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
    @DisplayName("counts one statement of each kind exactly, each in its own round trip")
    void eachKindOnce() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection()) {
            SqlReport report = SqlCount.record(() -> {
                execute(connection, "insert into kit_parent (id, name) values (1, 'one')");
                execute(connection, "update kit_parent set name = 'uno' where id = 1");
                query(connection, "select name from kit_parent where id = 1");
                execute(connection, "delete from kit_parent where id = 1");
                query(connection, sequenceCall());
                execute(connection, "create table kit_scratch (id int)");
                execute(connection, "drop table kit_scratch");
            });
            connection.rollback();

            assertThat(report)
                    .hasInsertCount(1)
                    .hasUpdateCount(1)
                    .hasSelectCount(1)
                    .hasDeleteCount(1)
                    .hasSequenceCallCount(1)
                    .hasOtherCount(2)
                    .hasStatementCount(7)
                    .hasRoundTripCount(7)
                    .hasBatchCount(0);
        }
    }

    @Test
    @DisplayName("counts 100 batched inserts as 100 INSERT statements in ⌈100 / 25⌉ = 4 round trips")
    void batchedInserts() throws SQLException {
        int rows = 100;
        int batchSize = 25;
        try (Connection connection = unit.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into kit_parent (id, name) values (?, ?)")) {
            SqlReport report = SqlCount.record(() -> {
                for (int i = 1; i <= rows; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "parent " + i);
                    insert.addBatch();
                    if (i % batchSize == 0) {
                        insert.executeBatch();
                    }
                }
            });
            connection.commit();

            assertThat(report)
                    .hasInsertCount(rows)
                    .hasRoundTripCount((rows + batchSize - 1) / batchSize)
                    .hasBatchCount(StatementKind.INSERT, 4)
                    .hasNoNPlusOne();
            assertThat(report.statements().get(99).parameters()).containsExactly(100L, "parent 100");
        }
    }

    @Test
    @DisplayName("counts a Statement batch of different SQL as one round trip")
    void statementBatch() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            SqlReport report = SqlCount.record(() -> {
                statement.addBatch("insert into kit_parent (id, name) values (1, 'one')");
                statement.addBatch("insert into kit_parent (id, name) values (2, 'two')");
                statement.addBatch("update kit_parent set name = 'uno' where id = 1");
                statement.executeBatch();
            });
            connection.rollback();

            assertThat(report).hasInsertCount(2).hasUpdateCount(1).hasRoundTripCount(1).hasBatchCount(1);
        }
    }

    @Test
    @DisplayName("records nothing outside a recording, and nothing after it stopped")
    void onlyWhileRecording() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection()) {
            query(connection, "select count(*) from kit_parent");
            Recording recording = SqlCount.start();
            query(connection, "select count(*) from kit_parent");
            SqlReport report = recording.stop();
            query(connection, "select count(*) from kit_parent");

            assertThat(report).hasSelectCount(1).hasStatementCount(1);
            assertThat(recording.stop()).isSameAs(report);
        }
    }

    private static String sequenceCall() {
        Dialect dialect = unit.entityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
        return dialect.getSequenceSupport().getSequenceNextValString("kit_parent_SEQ");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
        }
    }
}
