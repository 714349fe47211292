/**
 * How a mapping pattern declares itself once — its entities, its seed data and its loading
 * strategies with the SELECTs and rows each promises — so that the tour, the contract test every
 * pattern is held to and the README's tables all read from one place. Patterns are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.relmap.pattern.MappingPattern}).
 *
 * <p>A new pattern costs its package ({@code dev.relmap.<name>}: entities, repositories, its
 * {@link dev.relmap.pattern.MappingPattern}, exceptions, package-info, and its tests beside it), one line
 * in that service file and its section in the README; the tour, {@code PatternContractTest} and the
 * README check pick it up with no other change.
 */
package dev.relmap.pattern;
