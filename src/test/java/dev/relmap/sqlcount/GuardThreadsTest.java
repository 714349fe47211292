package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.GuardRuns.lazyLoop;
import static dev.relmap.sqlcount.GuardRuns.onlyFailure;
import static dev.relmap.sqlcount.GuardRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.junit.FailOnNPlusOne;
import dev.relmap.sqlcount.junit.SqlCountExtension;
import dev.relmap.sqlcount.junit.Threads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.Events;

/** The guard and the leak check on threads other than the one that ran {@code @BeforeEach}. */
@DisplayName("The JUnit guard across threads")
class GuardThreadsTest {

    private static RelmapUnit unit;
    private static ExecutorService worker;
    private static Recording leaked;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        KitFixture.seed(unit, 3, 1);
        worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "kit-worker"));
    }

    @AfterAll
    static void close() {
        worker.shutdown();
        KitFixture.clear(unit);
        unit.close();
    }

    @Test
    @DisplayName("in TEST mode, fails a test whose SQL ran only on other threads, naming them and the fix")
    void failsWhenTheSqlRanOnlyElsewhere() {
        Events tests = run(LoopsOnAWorker.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests))
                .hasMessageContaining("ran no SQL on its own thread (")
                .hasMessageContaining("but 4 statements ran meanwhile on other threads (kit-worker)")
                .hasMessageContaining("@FailOnNPlusOne(threads = Threads.ALL), or relmap.sqlcount.threads=all");
    }

    @Test
    @DisplayName("in TEST mode under parallel execution, reports instead: those statements may be another test's")
    void reportsWhenTestsRunInParallel() {
        Events tests = run(LoopsOnAWorker.class, "junit.jupiter.execution.parallel.enabled=true");

        tests.assertStatistics(stats -> stats.started(1).succeeded(1).reportingEntryPublished(1));
    }

    @Test
    @DisplayName("with threads = ALL, fails the N+1 a worker thread ran")
    void allThreadsSeesTheWorker() {
        Events tests = run(LoopsOnAWorkerWithAllThreads.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests)).hasMessageContaining("N+1 in").hasMessageContaining("3× SELECT");
    }

    @Test
    @DisplayName("with relmap.sqlcount.threads=all, fails the N+1 a worker thread ran under a plain @FailOnNPlusOne")
    void allThreadsForTheSuite() {
        Events tests = run(LoopsOnAWorker.class, "relmap.sqlcount.threads=all");

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests)).hasMessageContaining("N+1 in").hasMessageContaining("3× SELECT");
    }

    @Test
    @DisplayName("in TEST mode, watches the thread that runs the method under @Timeout(threadMode = SEPARATE_THREAD)")
    void watchesTheTimeoutThread() {
        Events tests = run(LoopsUnderASeparateThreadTimeout.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests)).hasMessageContaining("N+1 in").hasMessageContaining("3× SELECT");
    }

    @Test
    @DisplayName("in TEST mode, watches the method's thread when the suite runs every timeout on a separate thread")
    void watchesTheTimeoutThreadOfTheSuiteDefault() {
        Events tests = run(LoopsOnItsOwnThread.class, "junit.jupiter.execution.timeout.default=1 m",
                "junit.jupiter.execution.timeout.thread.mode.default=SEPARATE_THREAD");

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests)).hasMessageContaining("N+1 in").hasMessageContaining("3× SELECT");
    }

    @Test
    @DisplayName("reports and stops a recording a worker thread started during the test and left running")
    void stopsAWorkersLeak() {
        Events tests = run(LeavesARecordingOnAWorker.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests))
                .hasMessageContaining("The test left 1 recording running, started at "
                        + LeavesARecordingOnAWorker.class.getName() + ".lambda$leaksOnAWorker")
                .hasMessageContaining("on thread kit-worker")
                .hasMessageContaining("The kit stopped it");
        assertThat(leaked.isActive()).isFalse();
    }

    private static void lazyLoopOnTheWorker() throws Exception {
        KitFixture.onWorker(worker, () -> {
            lazyLoop(unit.entityManagerFactory().createEntityManager());
            return null;
        });
    }

    @FailOnNPlusOne
    static class LoopsOnAWorker {

        @Test
        void lazyLoop() throws Exception {
            lazyLoopOnTheWorker();
        }
    }

    @FailOnNPlusOne(threads = Threads.ALL)
    static class LoopsOnAWorkerWithAllThreads {

        @Test
        void lazyLoop() throws Exception {
            lazyLoopOnTheWorker();
        }
    }

    @FailOnNPlusOne
    static class LoopsUnderASeparateThreadTimeout {

        @Test
        @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void lazyLoop() {
            GuardRuns.lazyLoop(unit.entityManagerFactory().createEntityManager());
        }
    }

    @FailOnNPlusOne
    static class LoopsOnItsOwnThread {

        @Test
        void lazyLoop() {
            GuardRuns.lazyLoop(unit.entityManagerFactory().createEntityManager());
        }
    }

    @ExtendWith(SqlCountExtension.class)
    static class LeavesARecordingOnAWorker {

        @Test
        void leaksOnAWorker() throws Exception {
            leaked = KitFixture.onWorker(worker, () -> SqlCount.start());
        }
    }
}
