package dev.relmap.sqlcount.spring;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.Child;
import dev.relmap.sqlcount.ExecutedStatement;
import dev.relmap.sqlcount.Parent;
import dev.relmap.sqlcount.ShapeSummary;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.PageRequest;

/**
 * The line the kit names behind a query run through Spring Data JPA, in a real application context:
 * the caller's, not Spring's, so two calls on two lines are two lines and a loop is one.
 */
@DisplayName("The call site through Spring Data JPA")
class SpringDataCallSiteTest {

    private static final String THIS_FILE = "(SpringDataCallSiteTest.java:";

    private static RelmapUnit unit;
    private static AnnotationConfigApplicationContext context;
    private static List<Long> ids;
    private static ParentRepository parents;

    @BeforeAll
    static void open() {
        unit = Relmap.unit("kit-spring", Parent.class, Child.class).recreateSchemaAndOpen(DatabaseSettings.current());
        context = KitRepositories.open(unit);
        ids = KitRepositories.seed(context, 3);
        parents = context.getBean(ParentRepository.class);
    }

    @AfterAll
    static void close() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            unit.close();
        }
    }

    @Nested
    @DisplayName("a repository interface (findById through Spring's proxy, AOP and shared EntityManager)")
    class RepositoryInterface {

        @Test
        @DisplayName("two calls on two lines are not N+1, and each names its own line")
        void twoLines() {
            SqlReport report = SqlCount.record(() -> {
                parents.findById(ids.get(0));
                parents.findById(ids.get(1));
            });

            assertThat(report).hasSelectCount(2).hasNoNPlusOne();
            assertConsecutiveLinesOfThisTest(report.statements());
        }

        @Test
        @DisplayName("a loop is N+1, and the evidence names the loop's line")
        void loop() {
            int[] line = new int[1];

            SqlReport report = SqlCount.record(() -> {
                for (Long id : ids) {
                    parents.findById(id); line[0] = currentLine(); // the line of the call, for the assertion
                }
            });

            assertThat(report).hasSelectCount(3).hasNPlusOne();
            assertThat(report.nPlusOne()).singleElement().extracting(ShapeSummary::callSite).asString()
                    .startsWith(SpringDataCallSiteTest.class.getName() + "$RepositoryInterface.lambda$")
                    .endsWith(THIS_FILE + line[0] + ")");
            assertThat(report.describe()).contains("first called from " + report.nPlusOne().get(0).callSite());
        }
    }

    @Nested
    @DisplayName("a derived query (JpaQueryExecution)")
    class DerivedQuery {

        @Test
        @DisplayName("two calls on two lines are not N+1")
        void twoLines() {
            SqlReport report = SqlCount.record(() -> {
                parents.findByName("parent 1");
                parents.findByName("parent 2");
            });

            assertThat(report).hasSelectCount(2).hasNoNPlusOne();
            assertConsecutiveLinesOfThisTest(report.statements());
        }

        @Test
        @DisplayName("a loop is N+1 from the loop's line")
        void loop() {
            int[] line = new int[1];

            SqlReport report = SqlCount.record(() -> {
                for (int i = 1; i <= 3; i++) {
                    parents.findByName("parent " + i); line[0] = currentLine(); // the line of the call
                }
            });

            assertThat(report).hasSelectCount(3).hasNPlusOne();
            assertThat(report.nPlusOne()).singleElement().extracting(ShapeSummary::callSite).asString()
                    .endsWith(THIS_FILE + line[0] + ")");
        }

        @Test
        @DisplayName("two pages asked on two lines (PagedExecution, a page and its count each) are not N+1")
        void pagesOnTwoLines() {
            SqlReport report = SqlCount.record(() -> {
                parents.findByNameStartingWith("parent", PageRequest.of(0, 1));
                parents.findByNameStartingWith("parent 1", PageRequest.of(0, 1));
            });

            assertThat(report).hasSelectCount(4).hasNoNPlusOne();
        }
    }

    @Test
    @DisplayName("a repository class proxied by Spring's CGLIB subclass: two calls on two lines are not N+1")
    void cglibProxiedRepositoryClass() {
        ParentDao dao = context.getBean(ParentDao.class);

        SqlReport report = SqlCount.record(() -> {
            dao.findById(ids.get(0));
            dao.findById(ids.get(1));
        });

        assertThat(dao.getClass().getName()).contains("$$SpringCGLIB$$");
        assertThat(report).hasSelectCount(2).hasNoNPlusOne();
        assertConsecutiveLinesOfThisTest(report.statements());
    }

    /** Two statements, each named after a line of this file, the second line right under the first. */
    private static void assertConsecutiveLinesOfThisTest(List<ExecutedStatement> statements) {
        assertThat(statements).hasSize(2).allSatisfy(statement -> assertThat(statement.callSite())
                .startsWith(SpringDataCallSiteTest.class.getName()).contains(THIS_FILE));
        assertThat(lineOf(statements.get(1).callSite())).isEqualTo(lineOf(statements.get(0).callSite()) + 1);
    }

    private static int lineOf(String callSite) {
        return Integer.parseInt(callSite.substring(callSite.lastIndexOf(':') + 1, callSite.length() - 1));
    }

    /** The line this is called from. */
    static int currentLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }
}
