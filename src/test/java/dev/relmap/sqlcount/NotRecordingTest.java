package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Without a recording the kit")
class NotRecordingTest {

    private static RelmapUnit unit;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        KitFixture.seed(unit, 1, 0);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @Test
    @DisplayName("keeps no bound value: one bound before the recording started shows as not captured and takes no part in a verdict")
    void capturesNoParameters() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("select name from kit_parent where id = ? or name = ?")) {
            query.setLong(1, -1);
            SqlReport report = SqlCount.record(() -> {
                for (String name : List.of("a", "b")) {
                    query.setString(2, name);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                    }
                }
            });

            assertThat(report).hasSelectCount(2).hasNoNPlusOne().hasNoDuplicateReads();
            assertThat(report.statements().get(0).parameters()).containsExactly(Parameters.NOT_CAPTURED, "a");
            assertThat(report.describe()).contains("[(not captured), 'a']");
        }
    }

    @Test
    @DisplayName("analyses no SQL")
    void analysesNothing() throws SQLException {
        String sql = "select name from kit_parent where id = " + System.nanoTime();
        try (Connection connection = unit.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
        }

        assertThat(SqlClassifier.isCached(sql)).isFalse();
    }

    @Test
    @DisplayName("shows users its API only: internals such as the classifier are not public")
    void publicSurface() {
        List<String> publicTypes = Arrays.stream(new Class<?>[] {
                    SqlCount.class, Recording.class, SqlReport.class, ShapeSummary.class, ExecutedStatement.class,
                    StatementKind.class, SqlCountIntegrator.class, SqlClassifier.class, CountingDataSource.class,
                    CountingConnection.class, CountingStatement.class, CountingPreparedStatement.class,
                    CountingCallableStatement.class, CountingResultSet.class, CountingMetaData.class, Parameters.class,
                    CallSite.class, ShapeVerdicts.class, SqlLexer.class})
                .filter(type -> Modifier.isPublic(type.getModifiers()))
                .map(Class::getSimpleName)
                .toList();

        assertThat(publicTypes).containsExactly("SqlCount", "Recording", "SqlReport", "ShapeSummary",
                "ExecutedStatement", "StatementKind", "SqlCountIntegrator");
    }
}
