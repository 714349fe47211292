package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Verdicts on statements sent through raw JDBC, so the SQL is exactly what the test says. */
@DisplayName("The kit's verdicts on hand-written SQL")
class VerdictTest {

    private static RelmapUnit unit;
    private static List<Long> ids;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        ids = KitFixture.seed(unit, 5, 2);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @Nested
    @DisplayName("call an IN list a batch only when it carries the keys being loaded")
    class InLists {

        @Test
        @DisplayName("a fixed 'not in (?, ?)' beside a key that changes per parent is N+1, not a batch")
        void fixedNotInListBesideAVaryingKey() throws SQLException {
            SqlReport report = perParent("select name from kit_parent where id = ? and name not in (?, ?)",
                    (statement, id) -> {
                        statement.setLong(1, id);
                        statement.setString(2, "x");
                        statement.setString(3, "y");
                    });

            assertThat(report).hasSelectCount(5).hasNPlusOne();
            assertThat(report.batchFetches()).isEmpty();
        }

        @Test
        @DisplayName("a fixed 'in (?, ?)' beside a key that changes per parent is N+1, not a batch")
        void fixedInListBesideAVaryingKey() throws SQLException {
            SqlReport report = perParent("select name from kit_child where parent_id = ? and name in (?, ?)",
                    (statement, id) -> {
                        statement.setLong(1, id);
                        statement.setString(2, "child 1.1");
                        statement.setString(3, "child 1.2");
                    });

            assertThat(report).hasSelectCount(5).hasNPlusOne();
            assertThat(report.batchFetches()).isEmpty();
        }

        @Test
        @DisplayName("a list of literals ('Cat', 'Dog') holds no keys: per parent it is N+1")
        void literalListIsNoKeyList() throws SQLException {
            SqlReport report = perParent("select name from kit_child where parent_id = ? and name in ('a', 'b')",
                    (statement, id) -> statement.setLong(1, id));

            assertThat(report).hasSelectCount(5).hasNPlusOne();
            assertThat(report.batchFetches()).isEmpty();
        }

        @Test
        @DisplayName("a list of keys that changes while nothing else does is batch fetching, not N+1")
        void keyListIsABatch() throws SQLException {
            SqlReport report;
            try (Connection connection = unit.dataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "select name from kit_child where parent_id in (?, ?)")) {
                report = SqlCount.record(() -> {
                    for (int i = 0; i + 1 < ids.size(); i += 2) {
                        statement.setLong(1, ids.get(i));
                        statement.setLong(2, ids.get(i + 1));
                        drain(statement.executeQuery());
                    }
                });
            }

            assertThat(report).hasSelectCount(2).hasNoNPlusOne().hasBatchFetch(2, 4);
        }
    }

    @Nested
    @DisplayName("call one read of a list of keys a batch fetch in one round trip")
    class OneRoundTrip {

        @Test
        @DisplayName("'where id in (?, ?, ?)' with 3 ids, run once, is 1 round trip for 3 keys")
        void inListOfThreeKeys() throws SQLException {
            SqlReport report = readOnce("select name from kit_parent where id in (?, ?, ?)",
                    ids.get(0), ids.get(1), ids.get(2));

            assertThat(report).hasSelectCount(1).hasNoNPlusOne().hasBatchFetch(1, 3);
        }

        @Test
        @DisplayName("the same id three times, or one id, is no batch")
        void oneDistinctKey() throws SQLException {
            SqlReport sameKey = readOnce("select name from kit_parent where id in (?, ?, ?)",
                    ids.get(0), ids.get(0), ids.get(0));
            SqlReport oneKey = readOnce("select name from kit_parent where id in (?)", ids.get(0));

            assertThat(sameKey).hasSelectCount(1);
            assertThat(sameKey.batchFetches()).isEmpty();
            assertThat(oneKey).hasSelectCount(1);
            assertThat(oneKey.batchFetches()).isEmpty();
        }

        @Test
        @DisplayName("a 'not in (?, ?)' list, run once, is no batch")
        void notInListIsNoBatch() throws SQLException {
            SqlReport report = readOnce("select name from kit_parent where id not in (?, ?)", ids.get(0), ids.get(1));

            assertThat(report).hasSelectCount(1);
            assertThat(report.batchFetches()).isEmpty();
        }

        private static SqlReport readOnce(String sql, Long... keys) throws SQLException {
            try (Connection connection = unit.dataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                return SqlCount.record(() -> {
                    for (int i = 0; i < keys.length; i++) {
                        statement.setLong(i + 1, keys[i]);
                    }
                    drain(statement.executeQuery());
                });
            }
        }
    }

    @Nested
    @DisplayName("compare values, not how they print")
    class Values {

        @Test
        @DisplayName("ids inlined as literals ('where id = 1', '= 2' …) are different reads: N+1, not a duplicate read")
        void inlinedLiteralsAreDifferentValues() throws SQLException {
            SqlReport report;
            try (Connection connection = unit.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                report = SqlCount.record(() -> {
                    for (Long id : ids) {
                        drain(statement.executeQuery("select name from kit_parent where id = " + id));
                    }
                });
            }

            assertThat(report).hasSelectCount(5).hasNPlusOne().hasNoDuplicateReads();
            assertThat(report.nPlusOne().get(0).distinctParameterSets()).isEqualTo(5);
        }

        @Test
        @DisplayName("five different 54-character names are five reads, though their first 40 characters agree")
        void longValuesAreComparedWhole() throws SQLException {
            String prefix = "a name long enough to be cut when the kit prints it: ";
            SqlReport report;
            try (Connection connection = unit.dataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "select id from kit_parent where name = ?")) {
                report = SqlCount.record(() -> {
                    for (int i = 1; i <= 5; i++) {
                        statement.setString(1, prefix + i);
                        drain(statement.executeQuery());
                    }
                });
            }

            assertThat(report).hasNPlusOne().hasNoDuplicateReads();
            assertThat(report.nPlusOne().get(0).distinctParameterSets()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("reads '--' inside a literal as text: two queries stay two shapes, not one N+1")
    void doubleDashInALiteralIsNoComment() throws SQLException {
        SqlReport report;
        try (Connection connection = unit.dataSource().getConnection()) {
            report = SqlCount.record(() -> {
                try (PreparedStatement byId = connection.prepareStatement(
                        "select id from kit_parent where name <> '--' and id = ?")) {
                    byId.setLong(1, ids.get(0));
                    drain(byId.executeQuery());
                }
                try (PreparedStatement byName = connection.prepareStatement(
                        "select id from kit_parent where name <> '--' and name = ?")) {
                    byName.setString(1, "parent 2");
                    drain(byName.executeQuery());
                }
            });
        }

        assertThat(report).hasSelectCount(2).hasNoNPlusOne();
        assertThat(report.shapes()).hasSize(2);
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, Long id) throws SQLException;
    }

    /** Runs {@code sql} once per parent, in one loop: one line of code, five executions. */
    private static SqlReport perParent(String sql, Binder binder) throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return SqlCount.record(() -> {
                for (Long id : ids) {
                    binder.bind(statement, id);
                    drain(statement.executeQuery());
                }
            });
        }
    }

    static void drain(ResultSet rows) throws SQLException {
        try (rows) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }
}
