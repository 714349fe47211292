/**
 * The benchmarks: JMH measurements of every read strategy of every pattern beside a hand-written
 * JDBC baseline returning the same rows, of writes (sequence ids with batching, IDENTITY,
 * {@code StatelessSession.insertMultiple}, the drivers' batch rewriting, a plain JDBC batch) and of
 * the statement-counting kit's own cost per statement. Run with
 * {@code mvn -Pbench test-compile exec:exec -Drelmap.db=h2|postgresql|mariadb}; {@link Benchmarks}
 * writes {@code target/relmap-bench.md} and {@code .html}. Not part of the test run.
 *
 * <p>A new pattern is benchmarked by its {@link dev.relmap.pattern.MappingPattern} declaration alone; a
 * {@link JdbcBaseline} in its test package, registered in
 * {@code META-INF/services/dev.relmap.testsupport.JdbcBaseline}, gives its strategies their floor.
 */
package dev.relmap.bench;
