/**
 * AssertJ assertions for {@link dev.relmap.sqlcount.SqlReport} and for whether an association is
 * loaded. Needs {@code org.assertj:assertj-core} on your test class path (relmap declares it
 * optional, so it never arrives unasked).
 */
package dev.relmap.sqlcount.assertj;
