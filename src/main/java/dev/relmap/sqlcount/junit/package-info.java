/**
 * The kit in JUnit Jupiter: {@link dev.relmap.sqlcount.junit.FailOnNPlusOne}, one annotation that
 * fails every test of a class (or suite, through a base class) that runs an N+1, and
 * {@link dev.relmap.sqlcount.junit.SqlCountExtension}, which also fails a test that left a recording
 * running. Needs {@code junit-jupiter-api} on your test class path (relmap declares it optional).
 */
package dev.relmap.sqlcount.junit;
