package dev.relmap.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.PatternUnits;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every unique key of every pattern, read back from the database the schema was created on (unique
 * constraints, unique indexes, the keys Hibernate adds for a {@code @NaturalId} or a
 * {@code @OneToOne} join column, primary keys): none holds a nullable column. H2, PostgreSQL and
 * MariaDB all treat two NULLs as distinct, so such a key lets in the very twins it seems to refuse
 * (two root categories of one name, before {@code parent_key}). A key that must hold one says why in
 * its package's documentation, and is listed here.
 */
@DisplayName("Every pattern's unique keys")
class UniqueKeyContractTest {

    /** "table.key" of the keys that hold a nullable column on purpose, each justified in its package-info. */
    private static final Set<String> NULLABLE_ON_PURPOSE = Set.of();

    static Stream<MappingPattern> patterns() {
        return MappingPattern.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    @DisplayName("hold only columns that are not null, since every database lets two NULLs through a key")
    void holdNoNullableColumn(MappingPattern pattern) throws SQLException {
        List<String> keys;
        try (RelmapUnit unit = PatternUnits.recreateSchemaAndOpen(pattern, DatabaseSettings.current());
                Connection connection = unit.dataSource().getConnection()) {
            keys = uniqueKeys(connection);
        }

        assertThat(keys).as("unique keys of %s", pattern.name()).isNotEmpty();
        assertThat(keys).as("unique keys of %s with a nullable column (marked ?)", pattern.name())
                .filteredOn(key -> key.contains("?") && !NULLABLE_ON_PURPOSE.contains(key.substring(0, key.indexOf(' '))))
                .isEmpty();
    }

    /** Each unique key of the connection's schema as "table.key (column, nullable column?)". */
    private static List<String> uniqueKeys(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        List<String> keys = new ArrayList<>();
        try (ResultSet tables = metaData.getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                Set<String> nullable = new HashSet<>();
                try (ResultSet columns = metaData.getColumns(catalog, schema, table, "%")) {
                    while (columns.next()) {
                        if ("YES".equals(columns.getString("IS_NULLABLE"))) {
                            nullable.add(columns.getString("COLUMN_NAME"));
                        }
                    }
                }
                Map<String, List<String>> columnsByKey = new LinkedHashMap<>();
                try (ResultSet index = metaData.getIndexInfo(catalog, schema, table, true, false)) {
                    while (index.next()) {
                        String key = index.getString("INDEX_NAME");
                        String column = index.getString("COLUMN_NAME");
                        if (key != null && column != null && !index.getBoolean("NON_UNIQUE")) {
                            columnsByKey.computeIfAbsent(key, k -> new ArrayList<>())
                                    .add(column + (nullable.contains(column) ? "?" : ""));
                        }
                    }
                }
                columnsByKey.forEach((key, columns) -> keys.add(
                        (table + "." + key).toLowerCase(Locale.ROOT) + " (" + String.join(", ", columns) + ")"));
            }
        }
        return keys;
    }
}
