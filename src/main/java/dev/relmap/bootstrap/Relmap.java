package dev.relmap.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.sqlcount.SqlCount;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * Builds the persistence unit of one mapping pattern on a database, without a
 * {@code persistence.xml}: {@code Relmap.unit(name, entities…).recreateSchemaAndOpen(settings)}.
 *
 * <p>Each pattern is its own unit in its own schema ({@code relmap_<unit>}; a database of its own
 * on MariaDB), dropped and recreated by {@link UnitSpec#recreateSchemaAndOpen}, because patterns
 * reuse entity names with different columns. The pool is HikariCP, wrapped by the statement-counting kit, so every
 * statement Hibernate sends can be recorded.
 *
 * <p>The settings are the ones a performance-minded team ships: JDBC batching with ordered
 * inserts and updates (entities use sequence ids with the pooled optimizer, so inserts batch),
 * auto-commit off in the pool, UTC for time values, and no global
 * {@code default_batch_fetch_size}, so each pattern shows its own fetching choice.
 */
public final class Relmap {

    /** {@code hibernate.jdbc.batch_size}: how many statements go in one JDBC batch. */
    public static final int JDBC_BATCH_SIZE = 25;

    /** How long connecting to an unreachable server may take before relmap gives up. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;

    /**
     * Unit property: how long one read from the server may block, as a {@link Duration} or a
     * number of seconds, before the driver gives up with an I/O error and the connection is
     * discarded. Without it a server behind a network black hole (a firewall that drops packets,
     * a host that vanished without a reset) hangs the calling thread for as long as the
     * operating system keeps the socket, which can be hours. It must be longer than the slowest
     * statement and lock wait the unit runs. Unset, {@code relmap.socketTimeout} /
     * {@code RELMAP_SOCKET_TIMEOUT} (seconds) is used, else {@link #DEFAULT_SOCKET_TIMEOUT}.
     * PostgreSQL's and MariaDB's drivers take it as {@code socketTimeout}; H2 in memory has no
     * socket.
     */
    public static final String SOCKET_TIMEOUT = "relmap.socket_timeout";

    /** The read timeout of every connection unless {@link #SOCKET_TIMEOUT} says otherwise. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Unit property: the most connections the unit's pool opens, {@value #DEFAULT_POOL_SIZE} by
     * default. Work that holds more transactions open at once than this waits for a connection.
     */
    public static final String POOL_SIZE = "relmap.pool_size";

    /** The pool size unless {@link #POOL_SIZE} says otherwise. */
    public static final int DEFAULT_POOL_SIZE = 4;

    /**
     * Unit property: how long a caller waits for a connection from the unit's pool, as a
     * {@link Duration} or a number of seconds, {@link #DEFAULT_CONNECTION_TIMEOUT} by default,
     * before Hikari gives up with "Connection is not available, request timed out". The pool opens
     * its connections lazily, one at a time, so the last of {@code n} callers arriving at once on
     * an empty pool waits for {@code n} connections to be opened: work that holds many
     * transactions open at once on a busy server needs more than the default.
     */
    public static final String CONNECTION_TIMEOUT = "relmap.connection_timeout";

    /** The connection timeout unless {@link #CONNECTION_TIMEOUT} says otherwise. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How long opening a unit waits for its schema while another run on the same server has it
     * open (see {@link SchemaLock}) before failing with {@link SchemaInUseException}.
     */
    static final Duration SCHEMA_LOCK_WAIT = Duration.ofMinutes(3);

    private Relmap() {
    }

    /**
     * The unit {@code name} made of {@code entityClasses}; add properties to it, then open it with
     * {@link UnitSpec#recreateSchemaAndOpen}.
     */
    public static UnitSpec unit(String name, Class<?>... entityClasses) {
        return new UnitSpec(name, List.of(entityClasses), Map.of());
    }

    /** The unit {@code name} made of {@code entityClasses}. */
    public static UnitSpec unit(String name, List<Class<?>> entityClasses) {
        return new UnitSpec(name, entityClasses, Map.of());
    }

    static RelmapUnit recreateSchemaAndOpen(DatabaseSettings settings, UnitSpec spec) {
        return recreateSchemaAndOpen(settings, spec, SCHEMA_LOCK_WAIT);
    }

    static RelmapUnit recreateSchemaAndOpen(DatabaseSettings settings, UnitSpec requested, Duration lockWait) {
        UnitSpec spec = requested;
        String schema = schemaName(settings, spec.name());
        SchemaLock lock = SchemaLock.acquire(settings, schema, lockWait);
        HikariDataSource pool = null;
        try {
            // What the server calls for goes under the unit's own properties, which still win.
            Map<String, Object> properties = new HashMap<>(recreateSchema(settings, schema));
            properties.putAll(requested.properties());
            spec = new UnitSpec(requested.name(), requested.entityClasses(), properties);
            pool = pool(settings, schema, spec, false);
            // tag::wire-kit[]
            DataSource counted = SqlCount.wrap(pool); // your pool, wrapped once
            SessionFactory sessionFactory = new HibernatePersistenceConfiguration(spec.name())
                    .managedClasses(spec.entityClasses())
                    .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, counted)
                    .properties(hibernateProperties())
                    .properties(spec.properties())
                    .createEntityManagerFactory();
            // end::wire-kit[]
            TextColumnCheck.register(sessionFactory);
            return new RelmapUnit(spec.name(), settings, schema, sessionFactory, pool, counted, lock, false);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Opens {@code spec} read-only on a schema that already exists on {@code replica}, typically a
     * hot standby that replays the primary where the schema was made. What opening a unit for
     * writing does and a standby refuses is left out, each for its reason:
     * <ul>
     * <li>no {@code drop}/{@code create schema} and no schema generation: a standby refuses DDL
     *     ("cannot execute CREATE SCHEMA in a read-only transaction"); the tables come from the
     *     primary. The spec's own schema-generation setting is overridden, for the same reason.
     * <li>no {@link SchemaLock}: it stops two runs recreating one schema, and recreating happens on
     *     the primary; a lock taken on the standby (PostgreSQL grants advisory locks there) would
     *     not be seen by the primary, so it would guard nothing.
     * <li>no sequence calls: every write, and with it every id, is refused before any SQL by
     *     {@link ReadOnlyCheck}.
     * </ul>
     * The pool's connections are read-only, so a write that goes around Hibernate's events (native
     * SQL, an HQL mutation) is refused by the server with SQLState 25006, also when a multi-host
     * URL has fallen back to the primary.
     */
    static RelmapUnit openReadOnly(DatabaseSettings replica, UnitSpec requested) {
        String schema = schemaName(replica, requested.name());
        Map<String, Object> properties = new HashMap<>(requireSchema(replica, schema));
        properties.putAll(requested.properties());
        properties.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, Action.NONE.getExternalJpaName());
        UnitSpec spec = new UnitSpec(requested.name(), requested.entityClasses(), properties);
        HikariDataSource pool = null;
        try {
            pool = pool(replica, schema, spec, true);
            DataSource counted = SqlCount.wrap(pool);
            SessionFactory sessionFactory = new HibernatePersistenceConfiguration(spec.name())
                    .managedClasses(spec.entityClasses())
                    .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, counted)
                    .properties(hibernateProperties())
                    .properties(spec.properties())
                    .createEntityManagerFactory();
            ReadOnlyCheck.register(sessionFactory, spec.name());
            return new RelmapUnit(spec.name(), replica, schema, sessionFactory, pool, counted, SchemaLock.none(), true);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw e;
        }
    }

    /**
     * Checks, on a connection outside the pool, that {@code schema} is there to read, and returns
     * what the server calls for, as {@link #recreateSchema} does.
     *
     * @throws IllegalStateException when the schema is missing: not made on the primary yet, or
     *     not yet replayed
     */
    private static Map<String, Object> requireSchema(DatabaseSettings settings, String schema) {
        try (Connection connection = connect(settings);
                Statement statement = connection.createStatement();
                PreparedStatement exists = connection.prepareStatement(
                        "select count(*) from information_schema.schemata where schema_name = ?")) {
            exists.setString(1, settings.database() == Database.H2 ? schema.toUpperCase(Locale.ROOT) : schema);
            try (ResultSet found = exists.executeQuery()) {
                if (!found.next() || found.getInt(1) == 0) {
                    throw new IllegalStateException("Schema " + schema + " does not exist on " + settings
                            + ": a read-only unit reads a schema made elsewhere; open the unit with"
                            + " recreateSchemaAndOpen on the primary first, and let the replica replay it");
                }
            }
            return serverProperties(settings, statement);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(
                    "Cannot read schema " + schema + " on " + settings + ": " + e.getMessage(), e);
        }
    }

    /**
     * The schema (a database on MariaDB) a unit lives in: the settings' prefix ({@code relmap_} by
     * default) plus the unit name, lower case, runs of other characters as one {@code _}.
     */
    public static String schemaName(DatabaseSettings settings, String unitName) {
        String cleaned = unitName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return settings.schemaPrefix() + cleaned;
    }

    private static Map<String, Object> hibernateProperties() {
        boolean showSql = Boolean.parseBoolean(DatabaseSettings.setting("relmap.sql", "RELMAP_SQL"));
        Map<String, Object> properties = new HashMap<>();
        properties.put(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true);
        properties.put(AvailableSettings.STATEMENT_BATCH_SIZE, JDBC_BATCH_SIZE);
        properties.put(AvailableSettings.ORDER_INSERTS, true);
        properties.put(AvailableSettings.ORDER_UPDATES, true);
        properties.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        properties.put(AvailableSettings.SHOW_SQL, showSql);
        properties.put(AvailableSettings.FORMAT_SQL, showSql);
        properties.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, Action.CREATE_ONLY.getExternalJpaName());
        return properties;
    }

    private static HikariDataSource pool(DatabaseSettings settings, String schema, UnitSpec spec, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("relmap-" + spec.name() + (readOnly ? "-read-only" : ""));
        config.setReadOnly(readOnly);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setAutoCommit(false);
        config.setMaximumPoolSize(poolSize(spec));
        config.setDataSourceProperties(settings.database().socketTimeoutProperties(socketTimeout(spec)));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(connectionTimeout(spec).toMillis());
        switch (settings.database()) {
            // H2 folds unquoted names to upper case.
            case H2 -> config.setSchema(schema.toUpperCase(Locale.ROOT));
            // Not setSchema: on PostgreSQL that is a transactional SET search_path, which the pool's
            // own rollback of a fresh auto-commit-off connection undoes. The driver property holds.
            case POSTGRESQL -> config.addDataSourceProperty("currentSchema", schema);
            case MARIADB -> config.setCatalog(schema);
        }
        return new HikariDataSource(config);
    }

    /** {@link #SOCKET_TIMEOUT} of {@code spec}, else the setting, else the default; at least a second. */
    static Duration socketTimeout(UnitSpec spec) {
        Object value = spec.properties().get(SOCKET_TIMEOUT);
        if (value == null) {
            value = DatabaseSettings.setting("relmap.socketTimeout", "RELMAP_SOCKET_TIMEOUT");
        }
        Duration timeout = value == null ? DEFAULT_SOCKET_TIMEOUT : duration("Socket timeout", value);
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("Socket timeout " + value + " of unit '" + spec.name()
                    + "' is under a second: the drivers would read 0 as 'wait forever'");
        }
        return timeout;
    }

    /** {@link #CONNECTION_TIMEOUT} of {@code spec}, else the default; at least Hikari's 250 ms. */
    static Duration connectionTimeout(UnitSpec spec) {
        Object value = spec.properties().get(CONNECTION_TIMEOUT);
        Duration timeout = value == null ? DEFAULT_CONNECTION_TIMEOUT : duration("Connection timeout", value);
        if (timeout.compareTo(Duration.ofMillis(250)) < 0) {
            throw new IllegalArgumentException("Connection timeout " + value + " of unit '" + spec.name()
                    + "' is under 250 ms, the least HikariCP takes");
        }
        return timeout;
    }

    /** {@code value} as a {@link Duration}, a {@link Number} of seconds or a text of seconds. */
    private static Duration duration(String what, Object value) {
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value instanceof Number seconds) {
            return Duration.ofSeconds(seconds.longValue());
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.toString().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a number of seconds", e);
        }
    }

    private static int poolSize(UnitSpec spec) {
        Object value = spec.properties().getOrDefault(POOL_SIZE, DEFAULT_POOL_SIZE);
        int size = value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
        if (size < 1) {
            throw new IllegalArgumentException("Pool size " + size + " of unit '" + spec.name() + "' is under 1");
        }
        return size;
    }

    /**
     * Gives the unit an empty schema of its own, on a connection outside the pool, and returns the
     * Hibernate properties the server itself calls for: {@link GaleraDialect} on a MariaDB that
     * reports {@code wsrep_on}, so that ids stay unique when several cluster nodes are written at
     * once; none on a single server.
     */
    private static Map<String, Object> recreateSchema(DatabaseSettings settings, String schema) {
        try (Connection connection = connect(settings);
                Statement statement = connection.createStatement()) {
            for (String sql : settings.database().recreateSchemaSql(schema)) {
                statement.execute(sql);
            }
            return serverProperties(settings, statement);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(
                    "Cannot recreate schema " + schema + " on " + settings + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> serverProperties(DatabaseSettings settings, Statement statement) {
        return settings.database() == Database.MARIADB && wsrepOn(statement)
                ? Map.of(AvailableSettings.DIALECT, GaleraDialect.class.getName())
                : Map.of();
    }

    /** Whether the MariaDB server is a Galera node; a build without wsrep knows no such variable. */
    private static boolean wsrepOn(Statement statement) {
        try (ResultSet result = statement.executeQuery("select @@wsrep_on")) {
            return result.next() && result.getBoolean(1);
        } catch (SQLException unknownVariable) {
            return false;
        }
    }

    /**
     * One auto-commit connection outside the pool, so an unreachable database fails in seconds
     * with one line naming the URL.
     *
     * @throws DatabaseUnavailableException naming the URL, the user and what to do
     */
    static Connection connect(DatabaseSettings settings) {
        Properties properties = settings.database().connectTimeoutProperties(CONNECT_TIMEOUT_SECONDS);
        properties.putAll(settings.database().socketTimeoutProperties(DEFAULT_SOCKET_TIMEOUT));
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        try {
            Connection connection = DriverManager.getConnection(settings.url(), properties);
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            String remedy = e.getMessage() != null && e.getMessage().startsWith("No suitable driver")
                    ? "add the JDBC driver " + settings.database().driverArtifact() + " to the class path"
                    : "start the server, or point relmap.url / RELMAP_URL at one";
            throw new DatabaseUnavailableException(
                    "Cannot use " + settings.database().key() + " at " + settings.url()
                            + " as user '" + settings.user() + "': " + e.getMessage() + " (" + remedy + ")",
                    e);
        }
    }
}
