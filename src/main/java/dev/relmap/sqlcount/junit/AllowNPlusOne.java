package dev.relmap.sqlcount.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a test (or a {@code @Nested} class) from the whole guard, {@link FailOnNPlusOne} or
 * {@code relmap.sqlcount.guard}, duplicate reads included: for the test that proves a pitfall by
 * asserting its N+1. Say why in {@link #value()}. {@link AllowDuplicateReads} exempts from the
 * duplicate-read part only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowNPlusOne {

    /** Why this test may run an N+1, for the reader. */
    String value();
}
