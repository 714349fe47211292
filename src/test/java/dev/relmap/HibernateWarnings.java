package dev.relmap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What Hibernate logged at WARN or above while a piece of work ran: for tests that pin a warning
 * away. Hibernate logs through JBoss Logging to {@code java.util.logging} here, every logger under
 * {@code org.hibernate}; a handler on that parent sees them all.
 */
public final class HibernateWarnings {

    private HibernateWarnings() {
    }

    /** Runs {@code work} and returns each warning logged meanwhile as "logger: message". */
    public static List<String> during(Runnable work) {
        Logger hibernate = Logger.getLogger("org.hibernate");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getLoggerName() + ": " + formatter.formatMessage(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        hibernate.addHandler(handler);
        try {
            work.run();
        } finally {
            hibernate.removeHandler(handler);
        }
        return List.copyOf(warnings);
    }
}
