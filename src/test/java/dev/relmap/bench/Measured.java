package dev.relmap.bench;

/**
 * One benchmark result.
 *
 * @param group {@code reads of PATTERN}, {@code writes} or {@code kit}
 * @param subject the strategy, JDBC read, write variant or pool
 * @param pool {@code raw pool} or {@code kit} for reads; empty otherwise
 * @param n roots (reads), books (writes), 0 for the kit
 * @param score time per operation in {@link #unit}
 * @param error the 99.9% confidence half-width JMH gives, NaN with a single iteration
 * @param unit {@code us/op} or {@code ns/op}
 * @param bytes bytes allocated per operation (JMH's GC profiler), NaN when not measured
 * @param cpuMicros CPU time of the benchmark thread per operation (per statement for the kit), µs
 */
public record Measured(String group, String subject, String pool, int n, double score, double error, String unit,
        double bytes, double cpuMicros) {
}
