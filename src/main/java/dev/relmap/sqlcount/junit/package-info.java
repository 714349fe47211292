/**
 * The kit in JUnit Jupiter: {@link dev.relmap.sqlcount.junit.FailOnNPlusOne}, one annotation that
 * fails every test of a class (or suite, through a base class) that runs an N+1, or a duplicate read
 * if asked; {@link dev.relmap.sqlcount.junit.SqlCountExtension}, which also fails a test that left a
 * recording running and, auto-detected, guards a whole suite from the configuration parameter
 * {@code relmap.sqlcount.guard}; and {@link dev.relmap.sqlcount.junit.GuardSwitchCheck}, which
 * stops a launch that sets that parameter where it could not work. Needs {@code junit-jupiter-api}
 * on your test class path (relmap declares it optional), and the launcher that runs your tests.
 */
package dev.relmap.sqlcount.junit;
