/**
 * How a mapping pattern declares itself once — its entities, its seed data and its loading
 * strategies with the SELECTs and rows each promises — so that the tour, the contract test every
 * pattern is held to and the tables of the docs pages all read from one place. Patterns are found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.relmap.pattern.MappingPattern}).
 *
 * <p>A new pattern costs its package ({@code dev.relmap.<kind>.<variant>}: entities, repositories,
 * {@code SampleData}, exceptions, package-info, and its tests beside it), its
 * {@link dev.relmap.pattern.MappingPattern} in {@code dev.relmap.catalog}, one line in that service
 * file and its page under {@code docs/}. The tour, {@code PatternContractTest} and the docs check find
 * it through the service file; {@code LayeringTest} and {@code CopiedPackageTest} name the pattern
 * packages one by one, and need it added.
 */
package dev.relmap.pattern;
