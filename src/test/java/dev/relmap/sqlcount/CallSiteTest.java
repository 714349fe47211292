package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.junit.SqlCountExtension;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.Events;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The line of user code the kit names behind a statement, past the frames of code nobody in the
 * test wrote: a Jakarta Data repository's generated implementation, and helpers the user names.
 */
@DisplayName("The call site")
class CallSiteTest {

    private static final String THIS_FILE = "(CallSiteTest.java:";

    private static RelmapUnit unit;
    private static List<Long> ids;

    @BeforeAll
    static void open() {
        unit = Relmap.unit("kit-call-site", Parent.class, Child.class).recreateSchemaAndOpen(DatabaseSettings.current());
        ids = KitFixture.seed(unit, 3, 0);
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @Nested
    @DisplayName("past a Jakarta Data repository written by hibernate-processor (ParentCatalog_)")
    class JakartaData {

        private StatelessSession session;
        private ParentCatalog catalog;

        @BeforeEach
        void begin() {
            session = unit.entityManagerFactory().unwrap(SessionFactory.class).openStatelessSession();
            // With Spring on the class path, hibernate-processor writes a Spring bean taking an ObjectProvider.
            catalog = new ParentCatalog_(new ObjectProvider<>() {
                @Override
                public StatelessSession getObject() {
                    return session;
                }
            });
        }

        @AfterEach
        void end() {
            session.close();
        }

        @Test
        @DisplayName("names the caller's lines: two calls on two lines are not N+1")
        void twoLines() {
            SqlReport report = SqlCount.record(() -> {
                catalog.parent(ids.get(0));
                catalog.parent(ids.get(1));
            });

            assertThat(report).hasSelectCount(2).hasNoNPlusOne();
            assertConsecutiveLinesOfThisTest(report.statements());
        }

        @Test
        @DisplayName("names the loop's line: a loop is N+1")
        void loop() {
            int[] line = new int[1];

            SqlReport report = SqlCount.record(() -> {
                for (Long id : ids) {
                    catalog.parent(id); line[0] = currentLine(); // the line of the call, for the assertion
                }
            });

            assertThat(report).hasSelectCount(3).hasNPlusOne();
            assertThat(report.nPlusOne().get(0).callSite()).endsWith(THIS_FILE + line[0] + ")");
        }
    }

    @Nested
    @DisplayName("past prefixes the user adds")
    class Configured {

        @Test
        @DisplayName("with SqlCount.skipInCallSites, names the lines that called a query helper")
        void skipInCallSites() {
            SqlReport blamingTheHelper = SqlCount.record(() -> {
                Finder.find(ids.get(0));
                Finder.find(ids.get(1));
            });
            // tag::skip-in-call-sites[]
            SqlCount.skipInCallSites(Finder.class.getName()); // your query helper: name the lines that call it
            // end::skip-in-call-sites[]

            SqlReport report = SqlCount.record(() -> {
                Finder.find(ids.get(0));
                Finder.find(ids.get(1));
            });

            assertThat(blamingTheHelper).hasSelectCount(2).hasNPlusOne(); // one helper line, read as a loop
            assertThat(blamingTheHelper.statements().get(0).callSite()).startsWith(Finder.class.getName());
            assertThat(report).hasSelectCount(2).hasNoNPlusOne();
            assertConsecutiveLinesOfThisTest(report.statements());
        }

        @Test
        @DisplayName("with the system property relmap.sqlcount.callsite.skip, names the lines that called a query helper")
        void systemProperty() {
            SqlReport blamingTheHelper = SqlCount.record(() -> {
                Reader.find(ids.get(0));
                Reader.find(ids.get(1));
            });
            System.setProperty("relmap.sqlcount.callsite.skip", " com.example.persistence. ," + Reader.class.getName() + ",");
            SqlReport report;
            try {
                report = SqlCount.record(() -> {
                    Reader.find(ids.get(0));
                    Reader.find(ids.get(1));
                });
            } finally {
                System.clearProperty("relmap.sqlcount.callsite.skip");
            }

            assertThat(blamingTheHelper).hasNPlusOne();
            assertThat(report).hasSelectCount(2).hasNoNPlusOne();
            assertConsecutiveLinesOfThisTest(report.statements());
        }
    }

    @Nested
    @DisplayName("past prefixes a suite names (relmap.sqlcount.callsite.skip)")
    class SuiteParameter {

        @Test
        @DisplayName("a guarded suite naming its query helper sees two calls on two lines, not an N+1")
        void guardedSuiteSkipsItsHelper() {
            Events blamingTheHelper = GuardRuns.run(TwoLookups.class, "relmap.sqlcount.guard=n+1");
            Events namingTheLines = GuardRuns.run(TwoLookups.class, "relmap.sqlcount.guard=n+1",
                    "relmap.sqlcount.callsite.skip=com.example.persistence., " + Lookup.class.getName());

            assertThat(GuardRuns.onlyFailure(blamingTheHelper)).hasMessageContaining("N+1 in")
                    .hasMessageContaining("first called from " + Lookup.class.getName());
            namingTheLines.assertStatistics(stats -> stats.started(1).succeeded(1));
        }

        @Test
        @DisplayName("a prefix that cannot start a class name fails the test, naming the parameter")
        void badPrefix() {
            Events events = GuardRuns.run(TwoLookups.class, "relmap.sqlcount.callsite.skip=com example");

            assertThat(GuardRuns.onlyFailure(events)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("JUnit configuration parameter relmap.sqlcount.callsite.skip='com example':"
                            + " SqlCount.skipInCallSites: 'com example' is not the start of a class name");
        }
    }

    @Nested
    @DisplayName("refuses, naming it,")
    class BadPrefixes {

        @Test
        @DisplayName("a prefix that cannot start a class name")
        void notAClassName() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlCount.skipInCallSites("com.example.", "com/example/"))
                    .withMessage("SqlCount.skipInCallSites: 'com/example/' is not the start of a class name (such"
                            + " as 'com.example.persistence.' or 'com.example.Dao'), so it would skip no frame");
        }

        @Test
        @DisplayName("a null or blank prefix, or no array")
        void nullOrBlank() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlCount.skipInCallSites("com.example.", null))
                    .withMessage("SqlCount.skipInCallSites: a prefix to skip in call sites is null");
            assertThatIllegalArgumentException().isThrownBy(() -> SqlCount.skipInCallSites(" "))
                    .withMessage("SqlCount.skipInCallSites: a prefix to skip in call sites is blank");
            assertThatIllegalArgumentException().isThrownBy(() -> SqlCount.skipInCallSites((String[]) null))
                    .withMessage("No prefixes to skip in call sites: the array is null");
        }

        @Test
        @DisplayName("a bad entry of the system property, when a recording starts")
        void badSystemProperty() {
            System.setProperty("relmap.sqlcount.callsite.skip", "com.example.,com example");
            try {
                assertThatIllegalArgumentException().isThrownBy(SqlCount::start)
                        .withMessageStartingWith("System property relmap.sqlcount.callsite.skip: 'com example' is not"
                                + " the start of a class name");
            } finally {
                System.clearProperty("relmap.sqlcount.callsite.skip");
            }
            assertThat(SqlCount.activeRecordings()).isEmpty();
        }
    }

    /** Two statements, each named after a line of this file, the second line right under the first. */
    private static void assertConsecutiveLinesOfThisTest(List<ExecutedStatement> statements) {
        assertThat(statements).hasSize(2).allSatisfy(statement -> assertThat(statement.callSite())
                .startsWith(CallSiteTest.class.getName()).contains(THIS_FILE));
        assertThat(lineOf(statements.get(1).callSite())).isEqualTo(lineOf(statements.get(0).callSite()) + 1);
    }

    private static int lineOf(String callSite) {
        return Integer.parseInt(callSite.substring(callSite.lastIndexOf(':') + 1, callSite.length() - 1));
    }

    private static int currentLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    /** A query helper of the application's own, as a base DAO would be; skipped through the API. */
    static final class Finder {

        static Parent find(Long id) {
            EntityManager em = unit.entityManagerFactory().createEntityManager();
            try {
                return em.find(Parent.class, id);
            } finally {
                em.close();
            }
        }
    }

    /** Two lookups on two lines through the application's helper, run only by {@link SuiteParameter}. */
    @ExtendWith(SqlCountExtension.class)
    static final class TwoLookups {

        @Test
        void twoLookups() {
            Lookup.find(ids.get(0));
            Lookup.find(ids.get(1));
        }
    }

    /** Another such helper; skipped through the JUnit configuration parameter. */
    static final class Lookup {

        static Parent find(Long id) {
            EntityManager em = unit.entityManagerFactory().createEntityManager();
            try {
                return em.find(Parent.class, id);
            } finally {
                em.close();
            }
        }
    }

    /** Another such helper; skipped through the system property. */
    static final class Reader {

        static Parent find(Long id) {
            EntityManager em = unit.entityManagerFactory().createEntityManager();
            try {
                return em.find(Parent.class, id);
            } finally {
                em.close();
            }
        }
    }
}
