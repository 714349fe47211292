/**
 * How a mapping pattern declares itself once — its entities, its seed data and its loading
 * strategies with the statement count each promises — so that the tour, the pattern's tests and
 * the README table all read from one place. Patterns are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.relmap.pattern.Pattern}); a new one plugs in without touching the
 * tour.
 */
package dev.relmap.pattern;
