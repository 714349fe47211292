package dev.relmap.pattern;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A relationship-mapping pattern: its entities, deterministic seed data of size N, and the loading
 * strategies its repository offers.
 */
public interface MappingPattern {

    /** The name used on the command line and in schema names, for example {@code one-to-many}. */
    String name();

    /** A human title, for example {@code One-to-many: Author → Book}. */
    String title();

    /**
     * The pattern this is a variant of, for example {@code Many-to-many} for both the link entity
     * and the enrollment; the tour and the report group variants under it. A pattern with one
     * variant is its own family.
     */
    default String family() {
        return title();
    }

    /** The entity classes of this pattern's persistence unit. */
    List<Class<?>> entityClasses();

    /** The package that holds this pattern's mapping, its first entity's: the unit a reader copies. */
    default String packageName() {
        return entityClasses().get(0).getPackageName();
    }

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

    /** The strategy called {@code name}. */
    default Strategy strategy(String name) {
        return strategies().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Pattern " + name() + " has no strategy '" + name + "'"));
    }

    /** Every pattern on the class path, in the order of the service files. */
    static List<MappingPattern> all() {
        return ServiceLoader.load(MappingPattern.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
