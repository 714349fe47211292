package dev.relmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.reliability.RepositoryCase.Expect;
import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad input, for every public constructor and method of every repository of every pattern on the
 * class path (a repository: a public class of the pattern's package built from an
 * {@code EntityManager}). Each case calls one method with one bad argument, the others valid, in a
 * transaction the caller then rolls back, and asks three things: the answer is the typed one
 * ({@code IllegalArgumentException} itself, naming the parameter, for null, blank and out-of-range
 * values, before any statement is sent; exactly the package's {@code UnknownIdException} for an id
 * no row has, exactly the refusal registered for a key, both {@code NoSuchElementException}s; an
 * empty {@code Optional} from a finder that returns one);
 * never a {@code NullPointerException} or a raw {@code PersistenceException}; and every table of
 * the pattern's schema holds as many rows as before. A new method is checked as soon as it exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Every repository method given bad input")
class BadInputContractTest {

    private static final int SEEDED = 3;

    private final DatabaseSettings settings = DatabaseSettings.current();
    private MappingPattern openPattern;
    private RelmapUnit unit;
    private Map<String, Long> rowsBefore;
    private List<String> tables;
    /** The valid ids of the open unit, looked up once: every case is rolled back, so they stay valid. */
    private final Map<Sample, Object> validIds = new HashMap<>();

    @AfterAll
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    @DisplayName("has a valid value and its bad values registered for every parameter")
    void hasSamplesForEveryParameter() {
        List<String> missing = MappingPattern.all().stream()
                .flatMap(pattern -> RepositoryCase.repositories(pattern).stream()
                        .flatMap(type -> RepositoryCase.of(pattern, type).stream()))
                .filter(c -> c.expect() == Expect.UNREGISTERED)
                .map(RepositoryCase::missingSample)
                .toList();

        assertThat(missing).as("parameters with no sample in BadInputSamples").isEmpty();
        assertThat(MappingPattern.all()).allSatisfy(pattern ->
                assertThat(RepositoryCase.repositories(pattern)).as(pattern.name() + "'s repositories").isNotEmpty());
    }

    @TestFactory
    @DisplayName("answers with a typed exception and leaves every table as it was")
    Stream<DynamicContainer> answersTypedAndChangesNothing() {
        return MappingPattern.all().stream().map(pattern -> dynamicContainer(pattern.name(),
                RepositoryCase.repositories(pattern).stream().map(type -> dynamicContainer(type.getSimpleName(),
                        RepositoryCase.of(pattern, type).stream()
                                .map(c -> dynamicTest(c.name(), () -> check(pattern, c)))))));
    }

    private void check(MappingPattern pattern, RepositoryCase c) throws Exception {
        if (c.expect() == Expect.UNREGISTERED) {
            fail(c.missingSample());
        }
        open(pattern);
        Object result = null;
        Throwable thrown = null;
        int statements;
        try (EntityManager entityManager = unit.entityManagerFactory().createEntityManager()) {
            entityManager.getTransaction().begin();
            try {
                Object[] arguments = c.arguments(entityManager, validIds);
                Object repository = c.executable() instanceof Method ? newRepository(c, entityManager) : null;
                try (Recording recording = SqlCount.start(unit.entityManagerFactory())) {
                    try {
                        result = c.executable() instanceof Method method
                                ? method.invoke(repository, arguments)
                                : ((Constructor<?>) c.executable()).newInstance(arguments);
                    } catch (InvocationTargetException e) {
                        thrown = e.getCause();
                    }
                    statements = recording.stop().statementCount();
                }
            } finally {
                if (entityManager.getTransaction().isActive()) {
                    entityManager.getTransaction().rollback();
                }
            }
        }

        c.verify(result, thrown, statements);
        Map<String, Long> expected = rowsBefore;
        rowsBefore = rowCounts(); // so that a method that leaves rows behind fails alone, not every case after it
        assertThat(rowsBefore).as(c.describe() + ": rows per table after the caller's rollback").isEqualTo(expected);
    }

    private static Object newRepository(RepositoryCase c, EntityManager entityManager) throws ReflectiveOperationException {
        return c.executable().getDeclaringClass().getConstructor(EntityManager.class).newInstance(entityManager);
    }

    /** Opens {@code pattern}'s unit with {@value #SEEDED} seeded roots, closing the previous one. */
    private void open(MappingPattern pattern) throws SQLException {
        if (pattern == openPattern) {
            return;
        }
        close();
        unit = null;
        unit = PatternUnits.unit(pattern).named("bad-input-" + pattern.name()).recreateSchemaAndOpen(settings);
        unit.entityManagerFactory().runInTransaction(entityManager -> pattern.seed(entityManager, SEEDED));
        openPattern = pattern;
        validIds.clear();
        tables = tables();
        rowsBefore = rowCounts();
        assertThat(rowsBefore.values()).as("seeded rows").anyMatch(rows -> rows > 0);
    }

    /** Every table of the unit's schema, quoted as the database wants: link tables included. */
    private List<String> tables() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = unit.dataSource().getConnection()) {
            String quote = connection.getMetaData().getIdentifierQuoteString();
            try (ResultSet rows = connection.getMetaData().getTables(
                    connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    found.add(quote + rows.getString("TABLE_NAME") + quote);
                }
            }
        }
        return found;
    }

    /** Each table with its number of rows, in one statement: {@code select (select count(*) from a), …}. */
    private Map<String, Long> rowCounts() throws SQLException {
        String sql = tables.stream().map(table -> "(select count(*) from " + table + ")")
                .collect(Collectors.joining(", ", "select ", ""));
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = unit.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), row.getLong(i + 1));
            }
        }
        return counts;
    }
}
