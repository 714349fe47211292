package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.GuardRuns.onlyFailure;
import static dev.relmap.sqlcount.GuardRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.junit.AllowNPlusOne;
import dev.relmap.sqlcount.junit.FailOnNPlusOne;
import jakarta.persistence.EntityManagerFactory;
import java.net.URL;
import java.net.URLClassLoader;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The guard switched on for a whole suite by configuration parameters, with no annotation. */
@DisplayName("The JUnit guard for a whole suite")
class SuiteGuardTest {

    private static final String AUTODETECT = "junit.jupiter.extensions.autodetection.enabled=true";
    private static RelmapUnit unit;

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
    @DisplayName("with auto-detection and relmap.sqlcount.guard=n+1, fails the N+1 of a test with no annotation")
    void guardsEveryTest() {
        Events tests = run(Unannotated.class, AUTODETECT, "relmap.sqlcount.guard=n+1");

        tests.assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        assertThat(tests.failed().list().get(0).getTestDescriptor().getDisplayName()).isEqualTo("lazyLoop()");
        assertThat(onlyFailure(tests)).hasMessageContaining(
                "N+1 in lazyLoop() (relmap.sqlcount.guard=n+1; exempt a test with @AllowNPlusOne(\"why\")): 3× SELECT");
    }

    @Test
    @DisplayName("auto-detected with the guard absent or off, lets every test pass as before")
    void offByDefault() {
        run(Unannotated.class, AUTODETECT).assertStatistics(stats -> stats.started(3).succeeded(3));
        run(Unannotated.class, AUTODETECT, "relmap.sqlcount.guard=off").assertStatistics(stats -> stats.succeeded(3));
    }

    @Test
    @DisplayName("auto-detected with the guard off, still fails a test that left a recording running")
    void leakCheckStays() {
        Events tests = run(LeavesARecordingRunning.class, AUTODETECT);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests)).hasMessageContaining("The test left 1 recording running");
    }

    @Test
    @DisplayName("refuses a value it does not know, naming it")
    void refusesBadValues() {
        assertThat(onlyFailure(run(Unannotated.class, AUTODETECT, "relmap.sqlcount.guard=n+1,duplicates")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relmap.sqlcount.guard='n+1,duplicates': 'duplicates' is not one of off (alone),"
                        + " n+1, duplicate-reads");
        assertThat(onlyFailure(run(Unannotated.class, AUTODETECT, "relmap.sqlcount.guard=n+1",
                "relmap.sqlcount.threads=every")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relmap.sqlcount.threads='every' is not one of test, all");
    }

    @Test
    @DisplayName("refuses to start a suite that sets relmap.sqlcount.guard without auto-detection, which would guard nothing")
    void refusesTheSwitchWithoutAutodetection() {
        assertThatThrownBy(() -> LauncherFactory.create().discover(request("relmap.sqlcount.guard", "n+1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relmap.sqlcount.guard=n+1 asks for the guard on every test, but Jupiter's"
                        + " extension auto-detection is off")
                .hasMessageContaining("Set junit.jupiter.extensions.autodetection.enabled=true beside it");
        assertThat(LauncherFactory.create().discover(request("relmap.sqlcount.guard", "off")).containsTests()).isTrue();
    }

    @Test
    @DisplayName("passes a test that touches no DataSource even before any pool was wrapped, so order does not matter")
    void needsNoWiring() throws Exception {
        try (URLClassLoader fresh = new KitOnlyClassLoader()) {
            Events unwiredStart = runIn(fresh, StartsARecording.class);
            Events guarded = runIn(fresh, TouchesNoDataSource.class);

            assertThat(onlyFailure(unwiredStart)).hasMessageContaining("no DataSource has been wrapped");
            guarded.assertStatistics(stats -> stats.started(1).succeeded(1));
        }
    }

    @Test
    @DisplayName("still fails a test whose Hibernate work went through a factory the kit cannot see, naming it")
    void stillNeverSilent() {
        Events tests = run(WorksThroughAnUnwiredFactory.class, AUTODETECT, "relmap.sqlcount.guard=n+1");

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not wired into 'kit-unwired-guard'");
    }

    private static LauncherDiscoveryRequest request(String key, String value) {
        return LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Unannotated.class))
                .configurationParameter(key, value).build();
    }

    private static Events runIn(ClassLoader loader, Class<?> testClass) throws ClassNotFoundException {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(loader.loadClass(testClass.getName())))
                .execute().testEvents();
    }

    /**
     * relmap's classes, the kit's static state included, loaded afresh: a JVM in which no DataSource
     * was wrapped yet, as when a web-slice test runs first. JUnit, Hibernate and the JDK come from
     * the parent, so the engine still reads the annotations.
     */
    private static final class KitOnlyClassLoader extends URLClassLoader {

        KitOnlyClassLoader() {
            super(new URL[] {location(SqlCount.class), location(SuiteGuardTest.class)}, SuiteGuardTest.class.getClassLoader());
        }

        private static URL location(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.relmap.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    static class Unannotated {

        @Test
        void lazyLoop() {
            GuardRuns.lazyLoop(unit.entityManagerFactory().createEntityManager());
        }

        @Test
        @AllowNPlusOne("proves the pitfall")
        void allowedLazyLoop() {
            GuardRuns.lazyLoop(unit.entityManagerFactory().createEntityManager());
        }

        @Test
        void touchesNoDataSource() {
            assertThat(String.join(", ", "a", "b")).isEqualTo("a, b");
        }
    }

    static class LeavesARecordingRunning {

        @Test
        void leaks() {
            SqlCount.start();
        }
    }

    @FailOnNPlusOne
    static class TouchesNoDataSource {

        @Test
        void rendersWithMocks() {
            assertThat(String.join(", ", "a", "b")).isEqualTo("a, b");
        }
    }

    static class StartsARecording {

        @Test
        void starts() {
            SqlCount.start().stop();
        }
    }

    static class WorksThroughAnUnwiredFactory {

        @Test
        void loads() {
            try (EntityManagerFactory unwired = new HibernatePersistenceConfiguration("kit-unwired-guard")
                    .managedClasses(Parent.class, Child.class)
                    .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, KitFixture.unwrappedDataSource("kit-unwired-guard"))
                    .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create")
                    .createEntityManagerFactory()) {
                unwired.runInTransaction(em -> em.persist(new Parent("unseen")));
                unwired.runInTransaction(em -> em.createQuery("from Parent", Parent.class).getResultList());
            }
        }
    }
}
