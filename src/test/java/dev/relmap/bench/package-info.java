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
 *
 * <p>One-to-many and many-to-many also have {@link Peer}s, read in the same run: what users would write
 * instead (Spring Data JPA's {@code findAll} with and without {@code @EntityGraph}, jOOQ's
 * {@code MULTISET}, a mapping with Hibernate's defaults), each held to its floor's rows by
 * {@code OneToManyPeersTest} and {@code ManyToManyPeersTest} in the normal test run.
 */
package dev.relmap.bench;
