package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.VerdictTest.drain;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.bootstrap.RelmapUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The kit counts JDBC reached by every road")
class JdbcEdgesTest {

    private static RelmapUnit unit;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        KitFixture.seed(unit, 2, 0);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @AfterEach
    void noRecordingLeftRunning() {
        assertThat(SqlCount.activeRecordings()).isEmpty();
    }

    @Test
    @DisplayName("counts SQL run through resultSet.getStatement(), which is the counted statement")
    void throughTheResultSetsStatement() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            Statement[] back = new Statement[1];
            SqlReport report = SqlCount.record(() -> {
                try (ResultSet rows = statement.executeQuery("select count(*) from kit_parent")) {
                    back[0] = rows.getStatement();
                }
                drain(back[0].executeQuery("select name from kit_parent"));
            });

            assertThat(report).hasSelectCount(2);
            assertThat(back[0]).isSameAs(statement);
        }
    }

    @Test
    @DisplayName("counts SQL run through connection.getMetaData().getConnection(), which is the counted connection")
    void throughTheMetaDatasConnection() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection()) {
            Connection back = connection.getMetaData().getConnection();
            SqlReport report = SqlCount.record(() -> {
                try (Statement statement = back.createStatement()) {
                    drain(statement.executeQuery("select name from kit_parent"));
                }
            });

            assertThat(report).hasSelectCount(1);
            assertThat(back).isSameAs(connection);
        }
    }

    @Test
    @DisplayName("does not count a row that addBatch() refused")
    void refusedBatchRow() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into kit_parent (id, name) values (?, ?)")) {
            SqlReport report = SqlCount.record(() -> {
                insert.setLong(1, 101);
                insert.setString(2, "complete");
                insert.addBatch();
                insert.clearParameters();
                insert.setLong(1, 102);
                Throwable refused = catchThrowable(insert::addBatch);
                assumeTrue(refused instanceof SQLException, "this driver accepts a row with a parameter unset");
                insert.executeBatch();
            });
            connection.rollback();

            assertThat(report).hasInsertCount(1).hasBatchCount(1);
        }
    }

    @Test
    @DisplayName("lets executeQuery(null) fail with the driver's own error, counting nothing")
    void nullSqlFailsInTheDriver() throws SQLException {
        Throwable expected;
        try (Connection raw = unit.dataSource().unwrap(HikariDataSource.class).getConnection();
                Statement statement = raw.createStatement()) {
            expected = catchThrowable(() -> statement.executeQuery(null));
        }
        try (Connection connection = unit.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            Throwable[] thrown = new Throwable[1];
            SqlReport report = SqlCount.record(() -> thrown[0] = catchThrowable(() -> statement.executeQuery(null)));

            assertThat(expected).isNotNull();
            assertThat(thrown[0]).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
            // Thrown where the driver throws it, not from the kit's bookkeeping.
            assertThat(thrown[0].getStackTrace()[0]).isEqualTo(expected.getStackTrace()[0]);
            assertThat(report).hasNoStatements();
        }
    }

    @Test
    @DisplayName("names the caller's line as call site when another JDBC proxy wraps the kit")
    void callSiteBehindAnotherProxy() throws SQLException {
        DataSource outer = ProxyDataSourceBuilder.create(unit.dataSource()).build();
        try (Connection connection = outer.getConnection(); Statement statement = connection.createStatement()) {
            SqlReport report = SqlCount.record(() -> drain(statement.executeQuery("select name from kit_parent")));

            assertThat(report).hasSelectCount(1);
            assertThat(report.statements().get(0).callSite()).startsWith(JdbcEdgesTest.class.getName() + ".");
        }
    }
}
