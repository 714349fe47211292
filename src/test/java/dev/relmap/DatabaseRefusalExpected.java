package dev.relmap;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test, or a class of tests, that proves the database refuses a write: a unique key, a
 * foreign key, a check. Hibernate logs every SQL error at WARN ({@value DemoteSqlErrorLog#LOGGER})
 * before relmap turns it into a typed exception; in these tests that log is the outcome being
 * proved, not a problem, so for their duration it is demoted to FINE: hidden unless that logger is
 * set to FINE in {@code logging.properties}. Every other test still shows it at WARN.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(DatabaseRefusalExpected.DemoteSqlErrorLog.class)
public @interface DatabaseRefusalExpected {

    /** Puts a filter on Hibernate's SQL error logger before each test and restores the previous one after. */
    final class DemoteSqlErrorLog implements BeforeEachCallback, AfterEachCallback {

        /** Where Hibernate 7's {@code SqlExceptionHelper} logs the error code and the database's message. */
        public static final String LOGGER = "org.hibernate.orm.jdbc.error";

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DemoteSqlErrorLog.class);

        /** The logger with the filter it had; holding it keeps java.util.logging from dropping the logger. */
        private record Previous(Logger logger, Filter filter) {
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            Logger logger = Logger.getLogger(LOGGER);
            Filter previous = logger.getFilter();
            context.getStore(NAMESPACE).put(Previous.class, new Previous(logger, previous));
            logger.setFilter(record -> {
                // JBoss Logging's WARN, not Level.WARNING itself, but the same severity.
                if (record.getLevel().intValue() == Level.WARNING.intValue()) {
                    record.setLevel(Level.FINE);
                }
                return logger.isLoggable(record.getLevel()) && (previous == null || previous.isLoggable(record));
            });
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Previous previous = context.getStore(NAMESPACE).remove(Previous.class, Previous.class);
            if (previous != null) {
                previous.logger().setFilter(previous.filter());
            }
        }
    }
}
