package dev.relmap.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.pattern.MappingPattern;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * One pattern's unit opened on a fresh schema and seeded with N roots, kept open for every
 * benchmark at that pattern and N in this JVM (a forked benchmark JVM holds one). Hibernate is
 * reachable two ways: through relmap's unit, whose pool the statement-counting kit wraps, and
 * through a second factory on the raw pool with relmap's settings, as an application ships it.
 */
final class Seeded implements AutoCloseable {

    /** relmap's Hibernate settings, copied from its unit into the factory on the raw pool. */
    private static final List<String> RELMAP_SETTINGS = List.of(
            AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT,
            AvailableSettings.STATEMENT_BATCH_SIZE,
            AvailableSettings.ORDER_INSERTS,
            AvailableSettings.ORDER_UPDATES,
            AvailableSettings.JDBC_TIME_ZONE);

    private static Seeded open;

    final UnitSpec spec;
    final MappingPattern pattern;
    final int n;
    final RelmapUnit unit;
    final HikariDataSource rawPool;
    private final EntityManagerFactory onRawPool;
    private final List<AutoCloseable> extra = new ArrayList<>();

    private Seeded(UnitSpec spec, MappingPattern pattern, int n) {
        this.spec = spec;
        this.pattern = pattern;
        this.n = n;
        this.unit = spec.recreateSchemaAndOpen(DatabaseSettings.current());
        if (pattern != null) {
            long started = System.nanoTime();
            unit.entityManagerFactory().runInTransaction(entityManager -> pattern.seed(entityManager, n));
            System.out.printf(Locale.ROOT, "relmap: seeded %s at N = %d in %.1f s%n",
                    pattern.name(), n, (System.nanoTime() - started) / 1e9);
        }
        try {
            this.rawPool = unit.dataSource().unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        this.onRawPool = factoryOn(rawPool);
    }

    /** The pattern called {@code name} seeded with N roots; closes the one open before, if another. */
    static synchronized Seeded of(String name, int n) {
        if (open != null && open.pattern != null && open.pattern.name().equals(name) && open.n == n) {
            return open;
        }
        MappingPattern pattern = MappingPattern.all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No pattern called '" + name + "'"));
        closeOpen();
        open = new Seeded(PatternUnits.unit(pattern), pattern, n);
        return open;
    }

    /** {@code spec} opened on an empty schema; closes the one open before, if another. */
    static synchronized Seeded empty(UnitSpec spec) {
        if (open != null && open.pattern == null && open.spec.name().equals(spec.name())) {
            return open;
        }
        closeOpen();
        open = new Seeded(spec, null, 0);
        return open;
    }

    /** Closes the open unit first: it holds its schema's lock, which the next unit may need. */
    private static void closeOpen() {
        if (open != null) {
            Seeded closing = open;
            open = null;
            closing.close();
        }
    }

    /** Hibernate with relmap's settings on {@code dataSource}, over this unit's existing tables. */
    EntityManagerFactory factoryOn(DataSource dataSource) {
        return factoryOn(dataSource, spec.entityClasses(), Map.of());
    }

    /**
     * Hibernate with relmap's settings and {@code more} on the raw pool, mapping {@code classes} over
     * this unit's existing tables.
     */
    EntityManagerFactory factoryOnRawPool(List<Class<?>> classes, Map<String, Object> more) {
        return factoryOn(rawPool, classes, more);
    }

    private EntityManagerFactory factoryOn(DataSource dataSource, List<Class<?>> classes, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>();
        Map<String, Object> relmap = unit.entityManagerFactory().getProperties();
        for (String key : RELMAP_SETTINGS) {
            Object value = relmap.get(key);
            if (value == null) {
                throw new IllegalStateException("relmap's unit has no setting " + key + " to copy");
            }
            settings.put(key, value);
        }
        EntityManagerFactory factory = new HibernatePersistenceConfiguration(spec.name() + "-outside-the-kit")
                .managedClasses(classes)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .properties(settings)
                .properties(spec.properties())
                .properties(more)
                .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none")
                .createEntityManagerFactory();
        extra.add(0, factory);
        return factory;
    }

    /**
     * Hibernate with relmap's settings on the chosen pool, mapping {@code classes} (a peer's copy of
     * the pattern's mapping) over this unit's existing tables.
     */
    EntityManagerFactory factoryOver(Pool pool, List<Class<?>> classes) {
        return factoryOn(dataSource(pool), classes, Map.of());
    }

    /** {@code closeable} (a peer's application context), closed before this unit's factories. */
    <T extends AutoCloseable> T keep(T closeable) {
        extra.add(0, closeable);
        return closeable;
    }

    /** Closes the unit open in this JVM, if any: for tests, which open one and must not leave its pool behind. */
    static synchronized void release() {
        closeOpen();
    }

    /** A second pool like the raw one, with one more driver property ({@code key=value}). */
    HikariDataSource poolWith(String driverProperty) {
        HikariConfig config = new HikariConfig();
        rawPool.copyStateTo(config);
        config.setPoolName(rawPool.getPoolName() + "-" + driverProperty.replaceAll("[^A-Za-z0-9]+", "-"));
        String[] keyValue = driverProperty.split("=", 2);
        config.addDataSourceProperty(keyValue[0], keyValue[1]);
        HikariDataSource pool = new HikariDataSource(config);
        extra.add(pool);
        return pool;
    }

    /** Hibernate on the raw pool, or on relmap's unit (kit wrapped, not recording). */
    EntityManagerFactory entityManagerFactory(Pool pool) {
        return pool == Pool.RAW ? onRawPool : unit.entityManagerFactory();
    }

    /** The raw pool, or relmap's kit-wrapped data source around it. */
    DataSource dataSource(Pool pool) {
        return pool == Pool.RAW ? rawPool : unit.dataSource();
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : extra) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        unit.close();
    }

    /** Which pool a benchmark reads through. */
    enum Pool {
        RAW("raw pool"), KIT("kit");

        final String label;

        Pool(String label) {
            this.label = label;
        }

        static Pool of(String label) {
            for (Pool pool : values()) {
                if (pool.label.equals(label)) {
                    return pool;
                }
            }
            throw new IllegalArgumentException("Unknown pool '" + label + "': expected 'raw pool' or 'kit'");
        }
    }
}
