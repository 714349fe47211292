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
 * usual evidence. Put it on a base class to guard a whole suite; opt a test out with
 * {@link AllowNPlusOne}.
 *
 * <p>The guard records the test's own thread, so {@code @BeforeEach} set-up is not part of it; a
 * test that fails anyway is not also failed for an N+1.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SqlCountExtension.class)
public @interface FailOnNPlusOne {
}
