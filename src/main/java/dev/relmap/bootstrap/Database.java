package dev.relmap.bootstrap;

import java.util.Locale;

/**
 * The three databases every relmap pattern is verified on, with the defaults used when no URL is
 * given. Chosen by {@code -Drelmap.db=h2|postgresql|mariadb} or {@code RELMAP_DB}; H2 (in memory)
 * by default.
 */
public enum Database {

    H2("h2", "jdbc:h2:mem:relmap;DB_CLOSE_DELAY=-1", "sa", "", "com.h2database:h2"),
    POSTGRESQL("postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", "org.postgresql:postgresql"),
    MARIADB("mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root", "", "org.mariadb.jdbc:mariadb-java-client");

    private final String key;
    private final String defaultUrl;
    private final String defaultUser;
    private final String defaultPassword;
    private final String driverArtifact;

    Database(String key, String defaultUrl, String defaultUser, String defaultPassword, String driverArtifact) {
        this.key = key;
        this.defaultUrl = defaultUrl;
        this.defaultUser = defaultUser;
        this.defaultPassword = defaultPassword;
        this.driverArtifact = driverArtifact;
    }

    /** The Maven coordinates of the JDBC driver (groupId:artifactId). */
    public String driverArtifact() {
        return driverArtifact;
    }

    /** The name used on the command line and in {@code relmap.db}: h2, postgresql, mariadb. */
    public String key() {
        return key;
    }

    public String defaultUrl() {
        return defaultUrl;
    }

    public String defaultUser() {
        return defaultUser;
    }

    public String defaultPassword() {
        return defaultPassword;
    }

    /** The database named by {@code relmap.db} / {@code RELMAP_DB}, or H2 when neither is set. */
    public static Database current() {
        String value = DatabaseSettings.setting("relmap.db", "RELMAP_DB");
        return value == null || value.isBlank() ? H2 : fromKey(value);
    }

    /**
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Database fromKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (Database database : values()) {
            if (database.key.equals(wanted)) {
                return database;
            }
        }
        throw new IllegalArgumentException(
                "Unknown database '" + key + "': expected one of h2, postgresql, mariadb");
    }

    /**
     * Driver properties that bound how long connecting may take, so an unreachable server fails in
     * seconds. Per connection, unlike {@code DriverManager.setLoginTimeout}, which is JVM-wide.
     */
    java.util.Properties connectTimeoutProperties(int seconds) {
        java.util.Properties properties = new java.util.Properties();
        switch (this) {
            case H2 -> { }
            case POSTGRESQL -> {
                properties.setProperty("connectTimeout", Integer.toString(seconds));
                properties.setProperty("loginTimeout", Integer.toString(seconds));
            }
            case MARIADB -> properties.setProperty("connectTimeout", Integer.toString(seconds * 1000));
        }
        return properties;
    }

    /**
     * Driver properties that bound how long one read from the server may block (see
     * {@link Relmap#SOCKET_TIMEOUT}): PostgreSQL's {@code socketTimeout} is in seconds, MariaDB's
     * in milliseconds. H2 in memory has no socket.
     */
    java.util.Properties socketTimeoutProperties(java.time.Duration timeout) {
        java.util.Properties properties = new java.util.Properties();
        switch (this) {
            case H2 -> { }
            case POSTGRESQL -> properties.setProperty("socketTimeout", Long.toString(Math.max(1, timeout.toSeconds())));
            case MARIADB -> properties.setProperty("socketTimeout", Long.toString(timeout.toMillis()));
        }
        return properties;
    }

    /**
     * SQL that gives a pattern a clean schema of its own. On MariaDB a schema is a database, so
     * the pattern gets its own database on the same server, in {@code utf8mb4} whatever the
     * server's default: MariaDB's older {@code utf8} (three bytes a character) refuses emoji.
     */
    String[] recreateSchemaSql(String schema) {
        return switch (this) {
            case H2, POSTGRESQL -> new String[] {
                "drop schema if exists " + schema + " cascade", "create schema " + schema
            };
            case MARIADB -> new String[] {
                "drop database if exists " + schema, "create database " + schema + " character set utf8mb4"
            };
        };
    }
}
