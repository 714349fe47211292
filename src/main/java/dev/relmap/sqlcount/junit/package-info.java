/**
 * A JUnit Jupiter extension that hands a test a {@link dev.relmap.sqlcount.junit.SqlRecorder}
 * and stops whatever it left recording. Needs {@code junit-jupiter-api} on your test class path
 * (relmap declares it optional).
 */
package dev.relmap.sqlcount.junit;
