package dev.relmap.sqlcount.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a test (or a {@code @Nested} class) from the duplicate-read part of the guard only
 * ({@link FailOnNPlusOne#duplicateReads()}, {@code relmap.sqlcount.guard=n+1,duplicate-reads}): it
 * still fails on an N+1. For a test that reads the same row twice on purpose, one that proves a
 * refresh or a second-level cache miss, say. {@link AllowNPlusOne} exempts from the whole guard.
 * Say why in {@link #value()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowDuplicateReads {

    /** Why this test may read the same values twice, for the reader. */
    String value();
}
