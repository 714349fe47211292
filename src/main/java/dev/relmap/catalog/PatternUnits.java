package dev.relmap.catalog;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import dev.relmap.pattern.MappingPattern;

/**
 * A pattern's persistence unit: its entities and properties, named after it. Kept out of the SPI so
 * that {@code dev.relmap.pattern} depends on nothing else of relmap.
 */
public final class PatternUnits {

    private PatternUnits() {
    }

    /** {@code pattern}'s persistence unit, named after it, not yet opened. */
    public static UnitSpec unit(MappingPattern pattern) {
        return Relmap.unit(pattern.name(), pattern.entityClasses()).properties(pattern.properties());
    }

    /**
     * DROPS {@code pattern}'s schema on {@code settings}' database, recreates it empty and opens the
     * pattern's unit on it.
     */
    public static RelmapUnit recreateSchemaAndOpen(MappingPattern pattern, DatabaseSettings settings) {
        return unit(pattern).recreateSchemaAndOpen(settings);
    }
}
