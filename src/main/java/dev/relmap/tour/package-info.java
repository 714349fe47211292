/**
 * The tour: {@code mvn -q compile exec:java} seeds every pattern, runs each of its loading
 * strategies live, prints one table per pattern (statements by kind, round trips, batches, rows,
 * time, an N+1 flag and whether the count is the one the strategy promises) and writes an HTML
 * report charting SELECTs against N on log scales. It reads everything from the
 * {@link dev.relmap.pattern.MappingPattern} SPI, so a new pattern appears here without a change.
 */
package dev.relmap.tour;
