package dev.relmap.sqlcount.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one-line N+1 guard: every test of the annotated class (its subclasses and {@code @Nested}
 * classes included) or the annotated test method is recorded, from its first line to its last, and
 * fails when a SELECT shape ran as N+1 by the kit's rule (one line of code read the same shape with
 * different values; see {@link dev.relmap.sqlcount.ShapeSummary.Verdict}). The failure carries the
 * usual evidence. Put it on a base class to guard a whole suite, or set the JUnit configuration
 * parameter {@code relmap.sqlcount.guard} (see {@link SqlCountExtension}) to guard every test with
 * no annotation; opt a test out with {@link AllowNPlusOne}.
 *
 * <p>The guard records the test method only, so {@code @BeforeEach} set-up is not part of it; a
 * test that fails anyway is not also failed for an N+1. It needs no wrapped DataSource to start: a
 * test that runs no SQL passes.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SqlCountExtension.class)
public @interface FailOnNPlusOne {

    /**
     * Which threads the guard records. {@link Threads#TEST} (the default) records the thread that
     * runs the test method, and fails a test that ran no SQL there while statements ran on other
     * threads; {@link Threads#ALL} records every thread, for work done by an embedded server or an
     * executor. The configuration parameter {@code relmap.sqlcount.threads=all} sets ALL for a suite.
     */
    Threads threads() default Threads.TEST;

    /**
     * Whether the guard also fails on a duplicate read: one SELECT run twice or more with the same
     * values (the same row read once per row of a list, say). {@link AllowDuplicateReads} exempts a
     * test from this part only. The configuration parameter
     * {@code relmap.sqlcount.guard=n+1,duplicate-reads} turns it on for a suite.
     */
    boolean duplicateReads() default false;
}
