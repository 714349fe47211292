package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.VerdictTest.drain;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.bootstrap.RelmapUnit;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's JDBC wrappers are hand-written delegating classes: these tests pin what they must keep
 * of the driver's behaviour, and that they count statements created before a recording started.
 */
@DisplayName("The kit's JDBC wrappers")
class JdbcWrappersTest {

    private static final String BY_ID = "select name from kit_parent where id = ?";

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
    @DisplayName("delegate every JDBC method, default methods included, instead of leaving one to the interface")
    void delegateEveryMethod() {
        Map<Class<?>, Class<?>> wrappers = Map.of(
                Connection.class, CountingConnection.class,
                Statement.class, CountingStatement.class,
                PreparedStatement.class, CountingPreparedStatement.class,
                CallableStatement.class, CountingCallableStatement.class,
                ResultSet.class, CountingResultSet.class,
                DatabaseMetaData.class, CountingMetaData.class);

        wrappers.forEach((jdbc, wrapper) -> {
            List<String> leftToTheInterface = Arrays.stream(jdbc.getMethods())
                    .filter(method -> !Modifier.isStatic(method.getModifiers()))
                    .filter(method -> declarer(wrapper, method).isInterface())
                    .map(Method::toString)
                    .toList();

            assertThat(wrapper).as("implements " + jdbc.getSimpleName()).isAssignableTo(jdbc);
            assertThat(leftToTheInterface).as(wrapper.getSimpleName()).isEmpty();
        });
    }

    @Test
    @DisplayName("count a statement prepared, and one created, before the recording started")
    void statementsFromBeforeTheRecording() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                PreparedStatement prepared = connection.prepareStatement(BY_ID);
                Statement created = connection.createStatement()) {
            prepared.setLong(1, 1);

            SqlReport report = SqlCount.record(() -> {
                drain(prepared.executeQuery());
                drain(created.executeQuery("select count(*) from kit_parent"));
            });

            assertThat(report).hasSelectCount(2).hasStatementCount(2);
        }
    }

    @Test
    @DisplayName("count SQL run through the statement of rows read before the recording started")
    void rowsFromBeforeTheRecording() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("select count(*) from kit_parent");
            Statement back = rows.getStatement();
            rows.close();

            SqlReport report = SqlCount.record(() -> drain(back.executeQuery("select name from kit_parent")));

            assertThat(report).hasSelectCount(1);
            assertThat(back).isSameAs(statement);
        }
    }

    @Test
    @DisplayName("hand out generated keys as rows whose statement is the counted one")
    void generatedKeys() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into kit_parent (id, name) values (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ResultSet[] keys = new ResultSet[1];
            SqlReport report = SqlCount.record(() -> {
                insert.setLong(1, 201);
                insert.setString(2, "keyed");
                insert.executeUpdate();
                keys[0] = insert.getGeneratedKeys();
            });

            assertThat(report).hasInsertCount(1).hasStatementCount(1);
            assertThat(report.statements().get(0).parameters()).containsExactly(201L, "keyed");
            assertThat(keys[0].getStatement()).isSameAs(insert);
            keys[0].close();
            connection.rollback();
        }
    }

    @Test
    @DisplayName("hand out the rows of execute() and getMoreResults() as counted rows")
    void executeAndMoreResults() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            boolean[] rowsFirst = new boolean[1];
            boolean[] more = new boolean[1];
            Statement[] back = new Statement[1];
            SqlReport report = SqlCount.record(() -> {
                rowsFirst[0] = statement.execute("select name from kit_parent");
                try (ResultSet rows = statement.getResultSet()) {
                    back[0] = rows.getStatement();
                }
                more[0] = statement.getMoreResults();
            });

            assertThat(report).hasSelectCount(1).hasStatementCount(1);
            assertThat(rowsFirst[0]).isTrue();
            assertThat(back[0]).isSameAs(statement);
            assertThat(more[0]).isFalse();
            assertThat(statement.getResultSet()).isNull();
        }
    }

    @Test
    @DisplayName("hand out metadata rows as counted rows: their statement, where the driver gives one, is counted")
    void metaDataRows() throws SQLException {
        boolean driverGivesAStatement;
        try (Connection raw = unit.dataSource().unwrap(HikariDataSource.class).getConnection();
                ResultSet types = raw.getMetaData().getTableTypes()) {
            driverGivesAStatement = types.getStatement() != null;
        }
        try (Connection connection = unit.dataSource().getConnection();
                ResultSet types = connection.getMetaData().getTableTypes()) {
            Statement statement = types.getStatement();

            if (!driverGivesAStatement) {
                assertThat(statement).isNull();
                return;
            }
            SqlReport report = SqlCount.record(() -> drain(statement.executeQuery("select name from kit_parent")));

            assertThat(report).hasSelectCount(1);
            assertThat(statement.getConnection()).isSameAs(connection);
        }
    }

    @Test
    @DisplayName("answer isWrapperFor and unwrap for themselves and for the driver's objects behind the pool")
    void unwrapToTheDriver() throws SQLException {
        Class<?> driverStatement;
        try (Connection raw = unit.dataSource().unwrap(HikariDataSource.class).getConnection();
                PreparedStatement statement = raw.prepareStatement(BY_ID)) {
            driverStatement = statement.unwrap(PreparedStatement.class).getClass();
        }
        try (Connection connection = unit.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(BY_ID);
                Statement plain = connection.createStatement()) {

            assertThat(statement.isWrapperFor(PreparedStatement.class)).isTrue();
            assertThat(statement.unwrap(PreparedStatement.class)).isSameAs(statement);
            assertThat(statement.isWrapperFor(driverStatement)).isTrue();
            assertThat(statement.unwrap(driverStatement)).isInstanceOf(driverStatement).isNotSameAs(statement);
            assertThat(plain).isNotInstanceOf(PreparedStatement.class);
            assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
        }
    }

    @Test
    @DisplayName("close what the driver closes: the statement's rows close with it")
    void closing() throws SQLException {
        try (Connection connection = unit.dataSource().getConnection()) {
            PreparedStatement statement = connection.prepareStatement(BY_ID);
            statement.setLong(1, 1);
            ResultSet rows = statement.executeQuery();

            statement.close();

            assertThat(statement.isClosed()).isTrue();
            assertThat(rows.isClosed()).isTrue();
            assertThat(connection.isClosed()).isFalse();
        }
    }

    /** The class that declares what {@code wrapper} runs for {@code method}: the interface if no class overrides it. */
    private static Class<?> declarer(Class<?> wrapper, Method method) {
        try {
            return wrapper.getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(wrapper + " has no " + method, e);
        }
    }
}
