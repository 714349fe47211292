package dev.relmap.sqlcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.junit.AllowNPlusOne;
import dev.relmap.sqlcount.junit.FailOnNPlusOne;
import dev.relmap.sqlcount.junit.SqlCountExtension;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The extension and the guard, proved by running small test classes and reading their results. */
@DisplayName("The JUnit extension")
class SqlCountExtensionTest {

    private static RelmapUnit unit;
    private static Recording leaked;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        KitFixture.seed(unit, 3, 1);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @Test
    @DisplayName("fails the test that left a recording running, naming where it started, and stops it")
    void stopsWhatTheTestLeftRecording() {
        Events tests = run(LeavesARecordingRunning.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failure(tests.failed().list().get(0)))
                .hasMessageContaining("The test left 1 recording running, started at "
                        + LeavesARecordingRunning.class.getName() + ".leaks(SqlCountExtensionTest.java:")
                .hasMessageContaining("The kit stopped it");
        assertThat(leaked.isActive()).isFalse();
        assertThat(SqlCount.activeRecordings()).doesNotContain(leaked);
    }

    @Test
    @DisplayName("with @FailOnNPlusOne, fails each test that runs an N+1, @Nested and subclasses included, unless @AllowNPlusOne")
    void guardsAWholeClass() {
        Events tests = run(Guarded.class);

        tests.assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
        assertThat(tests.failed().list()).extracting(event -> event.getTestDescriptor().getDisplayName())
                .containsExactlyInAnyOrder("lazyLoop()", "lazyLoopInANestedClass()");
        assertThat(failure(tests.failed().list().get(0)))
                .hasMessageContaining("(@FailOnNPlusOne; exempt a test with @AllowNPlusOne(\"why\")): 3× SELECT")
                .hasMessageContaining("By shape:")
                .hasMessageContaining("first called from " + SqlCountExtensionTest.class.getName() + ".lambda$lazyLoop");
        run(GuardedByItsBaseClass.class).assertStatistics(stats -> stats.started(1).failed(1));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    private static Throwable failure(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    static void lazyLoop() {
        inEntityManager(em -> em.createQuery("from Parent", Parent.class).getResultList()
                .forEach(parent -> parent.getChildren().size()));
    }

    static void inEntityManager(Consumer<EntityManager> work) {
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        try {
            work.accept(em);
        } finally {
            em.close();
        }
    }

    @ExtendWith(SqlCountExtension.class)
    static class LeavesARecordingRunning {

        @Test
        void leaks() {
            leaked = SqlCount.start();
            inEntityManager(em -> em.createQuery("from Parent", Parent.class).getResultList());
        }
    }

    @FailOnNPlusOne
    static class Guarded {

        @Test
        void lazyLoop() {
            SqlCountExtensionTest.lazyLoop();
        }

        @Test
        @AllowNPlusOne("proves the pitfall")
        void allowedLazyLoop() {
            SqlCountExtensionTest.lazyLoop();
        }

        @Test
        void joinFetch() {
            inEntityManager(em -> em.createQuery("select distinct p from Parent p left join fetch p.children", Parent.class)
                    .getResultList().forEach(parent -> parent.getChildren().size()));
        }

        @Nested
        class Inner {

            @Test
            void lazyLoopInANestedClass() {
                SqlCountExtensionTest.lazyLoop();
            }
        }
    }

    @FailOnNPlusOne
    abstract static class GuardedBase {
    }

    static class GuardedByItsBaseClass extends GuardedBase {

        @Test
        void lazyLoop() {
            List.of(1).forEach(i -> SqlCountExtensionTest.lazyLoop());
        }
    }
}
