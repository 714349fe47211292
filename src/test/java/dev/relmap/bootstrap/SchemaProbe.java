package dev.relmap.bootstrap;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a unit's schema holds and how the database plans a statement over it, for the tests that
 * prove an index exists and is used. Names come back lower case, whatever the database stores.
 */
public final class SchemaProbe {

    private final RelmapUnit unit;

    public SchemaProbe(RelmapUnit unit) {
        this.unit = unit;
    }

    /** The SQL Hibernate sends to initialise one lazy collection, as the statement-counting kit saw it. */
    public String lazyLoadSql(Consumer<EntityManager> touch) {
        return unit.callInRolledBackTransaction(entityManager -> {
            SqlReport report = SqlCount.record(() -> touch.accept(entityManager));
            // The first statement finds the owner, the second initialises its collection.
            return report.statements().get(1).sql();
        });
    }

    /** The single id {@code jpql} selects, for a plan's bound value. */
    public long id(String jpql) {
        return unit.entityManagerFactory().callInTransaction(entityManager ->
                entityManager.createQuery(jpql, Long.class).getSingleResult());
    }

    /** The primary key's columns of {@code table}, in key order. */
    public List<String> primaryKey(String table) throws SQLException {
        try (Connection connection = unit.dataSource().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            Map<Short, String> bySequence = new TreeMap<>();
            try (ResultSet rows = metadata.getPrimaryKeys(
                    connection.getCatalog(), connection.getSchema(), stored(metadata, table))) {
                while (rows.next()) {
                    bySequence.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return List.copyOf(bySequence.values());
        }
    }

    /** Every index of {@code table} (the primary key's included) with the column it starts with. */
    public Map<String, String> leadingColumnByIndex(String table) throws SQLException {
        try (Connection connection = unit.dataSource().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            Map<String, String> leading = new TreeMap<>();
            try (ResultSet rows = metadata.getIndexInfo(
                    connection.getCatalog(), connection.getSchema(), stored(metadata, table), false, false)) {
                while (rows.next()) {
                    if (rows.getShort("ORDINAL_POSITION") == 1 && rows.getString("INDEX_NAME") != null) {
                        leading.put(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT),
                                rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            return leading;
        }
    }

    /**
     * PostgreSQL's plan of {@code sql} with {@code parameter} bound, after {@code ANALYZE} gave the
     * planner {@code table}'s real size: with the statistics of an empty table it would scan it
     * whatever its indexes.
     */
    public String explainOnPostgresql(String table, String sql, long parameter) throws SQLException {
        if (unit.settings().database() != Database.POSTGRESQL) {
            throw new IllegalStateException("EXPLAIN is read here as PostgreSQL writes it, not " + unit.settings());
        }
        try (Connection connection = unit.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("analyze " + table);
            }
            try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
                explain.setLong(1, parameter);
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                return String.join("\n", lines);
            }
        }
    }

    private static String stored(DatabaseMetaData metadata, String table) throws SQLException {
        return metadata.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }
}
