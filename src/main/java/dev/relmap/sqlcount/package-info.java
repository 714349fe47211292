/**
 * The statement-counting kit: wrap your pool once with {@link dev.relmap.sqlcount.SqlCount#wrap},
 * record a block with {@link dev.relmap.sqlcount.SqlCount#record}, and assert on the
 * {@link dev.relmap.sqlcount.SqlReport}: statements by kind, round trips, batches, and a verdict per
 * SQL shape: N+1 when one line of code runs one SELECT shape with different values, batch fetch when
 * only a key list changes (or one run reads a list of two or more keys), paging loop when only the
 * page bounds change, duplicate read when nothing does
 * ({@link dev.relmap.sqlcount.ShapeSummary.Verdict}). It counts at the JDBC level, so it sees
 * batches, bound values and SQL that Hibernate never logs; without an active recording its proxies
 * only delegate. Assertions are in {@code dev.relmap.sqlcount.assertj}, the JUnit extension and the
 * one-line N+1 guard in {@code dev.relmap.sqlcount.junit}.
 */
package dev.relmap.sqlcount;
