package dev.relmap.bootstrap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a persistence unit is made of — a name, entity classes and extra Hibernate properties —
 * before it is opened on a database. Built by {@link Relmap#unit}; immutable, so one spec can be
 * opened on several databases.
 *
 * <pre>{@code
 * RelmapUnit unit = Relmap.unit("shop", Order.class, OrderLine.class)
 *         .property("hibernate.default_batch_fetch_size", 16)
 *         .recreateSchemaAndOpen(DatabaseSettings.current());
 * }</pre>
 */
public final class UnitSpec {

    private final String name;
    private final List<Class<?>> entityClasses;
    private final Map<String, Object> properties;

    UnitSpec(String name, List<Class<?>> entityClasses, Map<String, Object> properties) {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("A unit needs a name");
        }
        if (entityClasses.isEmpty()) {
            throw new IllegalArgumentException("Unit '" + name + "' has no entity classes");
        }
        this.name = name;
        this.entityClasses = List.copyOf(entityClasses);
        this.properties = Map.copyOf(properties);
    }

    /**
     * The same unit with one more Hibernate or JPA property, which wins over relmap's own; or one of
     * relmap's pool settings, {@link Relmap#SOCKET_TIMEOUT}, {@link Relmap#POOL_SIZE} and
     * {@link Relmap#CONNECTION_TIMEOUT}.
     */
    public UnitSpec property(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(key, value);
        return new UnitSpec(name, entityClasses, more);
    }

    /** The same unit with more properties, which win over relmap's own and earlier ones. */
    public UnitSpec properties(Map<String, ?> extra) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.putAll(extra);
        return new UnitSpec(name, entityClasses, more);
    }

    /** The same entities and properties under another name, so in a schema of their own. */
    public UnitSpec named(String otherName) {
        return new UnitSpec(otherName, entityClasses, properties);
    }

    /**
     * DROPS the unit's schema ({@code <prefix><name>}; a database on MariaDB) with everything in
     * it, creates it empty, creates the tables and opens the unit on it. Fails within seconds, with
     * a {@link DatabaseUnavailableException} naming the URL, when the database cannot be reached.
     */
    public RelmapUnit recreateSchemaAndOpen(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        OptionalDependency.HIKARICP.require();
        return Relmap.recreateSchemaAndOpen(settings, this);
    }

    /**
     * Opens the unit read-only on {@code replica}, in the schema {@link #recreateSchemaAndOpen}
     * made on the primary and the replica has replayed: reads only, no DDL, no sequence calls,
     * read-only connections; a {@code persist}, {@code merge}, {@code remove} or a change to a
     * managed entity fails with {@link ReadOnlyUnitException} before any SQL. A second pool, so
     * reads that may lag the primary are a visible choice, never a silent one.
     *
     * <p>On PostgreSQL the URL decides what happens when the standby is down. One host
     * ({@code jdbc:postgresql://standby:5432/db}) fails: reads wait up to the unit's
     * {@link Relmap#CONNECTION_TIMEOUT} and then fail. A host list with
     * {@code targetServerType=preferSecondary} ({@code jdbc:postgresql://standby,primary/db?targetServerType=preferSecondary})
     * falls back to the primary, read-only still.
     *
     * @throws IllegalStateException when the schema is not on the replica (yet)
     * @throws DatabaseUnavailableException when the replica cannot be reached
     */
    public RelmapUnit openReadOnly(DatabaseSettings replica) {
        Objects.requireNonNull(replica, "replica");
        OptionalDependency.HIKARICP.require();
        return Relmap.openReadOnly(replica, this);
    }

    public String name() {
        return name;
    }

    public List<Class<?>> entityClasses() {
        return entityClasses;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return name + " " + entityClasses.stream().map(Class::getSimpleName).toList();
    }
}
