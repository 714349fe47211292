package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.testsupport.Contenders;
import dev.relmap.testsupport.Contenders.Contender;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A recording is scoped")
class RecordingScopeTest {

    private static RelmapUnit unit;
    private static Long parentId;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        parentId = KitFixture.seed(unit, 1, 2).get(0);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @Test
    @DisplayName("to its own thread: two threads recording at once do not see each other's SQL")
    void twoThreadsDoNotMix() throws Exception {
        List<SqlReport> reports = Contenders.run(unit, 2, me -> recordReads(me.number() == 1 ? 1 : 3, me));
        SqlReport one = reports.get(0);
        SqlReport three = reports.get(1);

        assertThat(one).hasSelectCount(1);
        assertThat(three).hasSelectCount(3);
        assertThat(one.statements()).allSatisfy(s -> assertThat(s.thread()).isNotEqualTo(
                three.statements().get(0).thread()));
    }

    @Test
    @DisplayName("to other threads only when asked: startAllThreads sees a worker's statements")
    void allThreadsIsOptIn() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            SqlReport own;
            try (Recording recording = SqlCount.start()) {
                KitFixture.onWorker(worker, RecordingScopeTest::find);
                own = recording.stop();
            }
            SqlReport all;
            try (Recording recording = SqlCount.startAllThreads()) {
                KitFixture.onWorker(worker, RecordingScopeTest::find);
                all = recording.stop();
            }

            assertThat(own).hasNoStatements();
            assertThat(all).hasSelectCount(1);
        } finally {
            worker.shutdown();
        }
    }

    @Test
    @DisplayName("to one EntityManagerFactory, and refuses one whose DataSource was never wrapped")
    void refusesAnUnwiredFactory() {
        EntityManagerFactory unwired = new HibernatePersistenceConfiguration("unwired")
                .managedClasses(Parent.class, Child.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, KitFixture.unwrappedDataSource("unwired"))
                .createEntityManagerFactory();
        try {
            assertThatThrownBy(() -> SqlCount.start(unwired))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not wired into")
                    .hasMessageContaining("SqlCount.wrap");
        } finally {
            unwired.close();
        }

        try (Recording recording = SqlCount.start(unit.entityManagerFactory())) {
            find();
            assertThat(recording.stop()).hasSelectCount(1);
        }
    }

    @Test
    @DisplayName("and fails loudly when no DataSource was ever wrapped, instead of reporting zero statements")
    void failsLoudlyWhenNotWiredIn() throws Exception {
        // A class loader of its own gives the kit a fresh, never-wired state.
        URL classes = Path.of(SqlCount.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                return name.startsWith("dev.relmap.sqlcount.") ? super.loadClass(name, resolve)
                        : RecordingScopeTest.class.getClassLoader().loadClass(name);
            }
        }) {
            Class<?> kit = fresh.loadClass(SqlCount.class.getName());
            assertThat(kit).isNotSameAs(SqlCount.class);

            assertThatThrownBy(() -> invoke(kit, "start"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not wired in")
                    .hasMessageContaining("SqlCount.wrap(dataSource)");
        }
    }

    private static Object invoke(Class<?> type, String method) throws Throwable {
        try {
            return type.getMethod(method).invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static SqlReport recordReads(int reads, Contender me) {
        try (Recording recording = SqlCount.start()) {
            me.reach("both threads are recording");
            for (int i = 0; i < reads; i++) {
                find();
            }
            return recording.stop();
        }
    }

    private static Parent find() {
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        try {
            return em.find(Parent.class, parentId);
        } finally {
            em.close();
        }
    }

}
