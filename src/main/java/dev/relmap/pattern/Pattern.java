package dev.relmap.pattern;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A relationship-mapping pattern: its entities, deterministic seed data of size N, and the loading
 * strategies its repository offers.
 */
public interface Pattern {

    /** The name used on the command line and in schema names, for example {@code one-to-many}. */
    String name();

    /** A human title, for example {@code One-to-many: Author → Book}. */
    String title();

    /** The entity classes of this pattern's persistence unit. */
    List<Class<?>> entityClasses();

    /** Extra Hibernate properties for this pattern's unit; none by default. */
    default Map<String, Object> properties() {
        return Map.of();
    }

    /**
     * Writes N roots (and what hangs off them) with {@code entityManager}, inside a transaction the
     * caller owns. Deterministic: the same N gives the same rows.
     */
    void seed(EntityManager entityManager, int n);

    /** The loading strategies, in the order the tour shows them. */
    List<Strategy> strategies();

    /** This pattern's persistence unit, named after it, not yet opened. */
    default UnitSpec unit() {
        return Relmap.unit(name(), entityClasses()).properties(properties());
    }

    /**
     * DROPS this pattern's schema on {@code settings}' database, recreates it empty and opens the
     * pattern's unit on it.
     */
    default RelmapUnit recreateSchemaAndOpen(DatabaseSettings settings) {
        return unit().recreateSchemaAndOpen(settings);
    }

    /** The strategy called {@code name}. */
    default Strategy strategy(String name) {
        return strategies().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Pattern " + name() + " has no strategy '" + name + "'"));
    }

    /** Every pattern on the class path, in the order of the service files. */
    static List<Pattern> all() {
        return ServiceLoader.load(Pattern.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
