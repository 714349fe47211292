package dev.relmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link DatabaseRefusalExpected}, proved by running a small test class whose tests have Hibernate's
 * own {@link SqlExceptionHelper} log a unique-key violation, and reading what reached a handler.
 */
@DisplayName("@DatabaseRefusalExpected")
class DatabaseRefusalExpectedTest {

    private final Logger logger = Logger.getLogger(DatabaseRefusalExpected.DemoteSqlErrorLog.LOGGER);
    private final List<String> warnings = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(Refusals.running);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        // Only to this handler: the unmarked tests' warnings are expected here, not for the console.
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
    }

    @Test
    @DisplayName("hides the SQL error's WARN in the tests it marks, @Nested included, and only there")
    void demotesOnlyInMarkedTests() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Refusals.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));

        assertThat(warnings).as("the tests whose refusal was logged at WARN")
                .contains("unmarked", "unmarked, after the marked ones")
                .containsOnly("unmarked", "unmarked, after the marked ones");
        assertThat(logger.getFilter()).as("the filter is removed after the marked tests").isNull();
    }

    /** Run by the test above only: static and not a @Nested class, so the suite does not pick it up. */
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class Refusals {

        static String running = "";

        static void refuse(String test) {
            running = test;
            new SqlExceptionHelper(false).logExceptions(
                    new SQLException("Unique index violated: \"UK_BOOK_ISBN\"", "23505", 23505), "insert into book");
        }

        @Test
        void a_unmarked() {
            refuse("unmarked");
        }

        @Test
        @DatabaseRefusalExpected
        void b_marked() {
            refuse("marked");
        }

        @Nested
        @DatabaseRefusalExpected
        class C_Marked {

            @Test
            void refused() {
                refuse("marked nested");
            }
        }

        @Test
        void d_unmarkedAfter() {
            refuse("unmarked, after the marked ones");
        }
    }
}
