package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The kit is never silent")
class NeverSilentTest {

    private static RelmapUnit unit;
    private static List<Long> ids;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        ids = KitFixture.seed(unit, 200, 1);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @Nested
    @DisplayName("about a factory it is not wired into, even after other DataSources were wrapped")
    class Unwired {

        @Test
        @DisplayName("record(…) fails instead of reporting 0 statements and no N+1")
        void recordFailsLoudly() {
            try (EntityManagerFactory unwired = unwiredFactory(); EntityManager em = unwired.createEntityManager()) {
                assertThatThrownBy(() -> SqlCount.record(() -> em.createQuery("from Parent", Parent.class).getResultList()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("not wired into 'kit-unwired'")
                        .hasMessageContaining("SqlCount.wrap(dataSource)");
            }
        }

        @Test
        @DisplayName("recordAfterFlushAndClear(em, …) refuses the entity manager before running anything")
        void recordAfterFlushAndClearRefuses() {
            try (EntityManagerFactory unwired = unwiredFactory(); EntityManager em = unwired.createEntityManager()) {
                assertThatThrownBy(() -> SqlCount.recordAfterFlushAndClear(em, () -> em.find(Parent.class, 1L)))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("not wired into");
                assertThat(SqlCount.isWired(unwired)).isFalse();
                assertThat(SqlCount.isWired(unit.entityManagerFactory())).isTrue();
            }
        }

        @Test
        @DisplayName("unless that factory switched the kit's listeners off: then the recording cannot tell")
        void watchSwitchedOff() {
            try (EntityManagerFactory unwatched = unwiredFactory(SqlCountIntegrator.WATCH, "false");
                    EntityManager em = unwatched.createEntityManager()) {
                var report = SqlCount.record(() -> em.createQuery("from Parent", Parent.class).getResultList());

                assertThat(report.statements()).isEmpty();
            }
        }

        private static EntityManagerFactory unwiredFactory() {
            return unwiredFactory(SqlCountIntegrator.WATCH, "true");
        }

        private static EntityManagerFactory unwiredFactory(String setting, String value) {
            EntityManagerFactory unwired = new HibernatePersistenceConfiguration("kit-unwired")
                    .managedClasses(Parent.class, Child.class)
                    .property(setting, value)
                    .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, KitFixture.unwrappedDataSource("kit-unwired"))
                    .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create")
                    .createEntityManagerFactory();
            unwired.runInTransaction(em -> em.persist(new Parent("unseen")));
            return unwired;
        }
    }

    @Test
    @DisplayName("about statements that ran on other threads while the recording saw none")
    void pointsToOtherThreads() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            SqlReport report;
            try (Recording recording = SqlCount.start()) {
                KitFixture.onWorker(worker, () -> inEntityManager(em -> em.find(Parent.class, ids.get(0))));
                report = recording.stop();
            }

            assertThat(report.otherThreadStatements()).isEqualTo(1);
            assertThatThrownBy(() -> assertThat(report).hasSelectCount(1))
                    .hasMessageContaining("1 statement ran meanwhile on other threads")
                    .hasMessageContaining("SqlCount.startAllThreads()");
        } finally {
            worker.shutdown();
        }
    }

    @Test
    @DisplayName("and never endless: a 200-row N+1 keeps every shape but cuts the log, saying how much it left out")
    void boundedFailureMessage() {
        SqlReport report = inEntityManager(em -> SqlCount.record(() -> em.createQuery("from Parent", Parent.class)
                .getResultList().forEach(parent -> parent.getChildren().size())));

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> assertThat(report).hasNoNPlusOne());

        String message = failure.getMessage();
        assertThat(message)
                .contains("By shape:", "[1] 1× SELECT", "[2] 200× SELECT in 200 round trips, 200 different parameter sets: N+1")
                .contains("… 176 statements left out (21 to 196) …")
                .contains("  20. SELECT", "  197. SELECT", "  201. SELECT")
                .doesNotContain("  21. SELECT", "  196. SELECT");
        assertThat(message.lines().count()).isLessThan(50);
    }

    private static <T> T inEntityManager(java.util.function.Function<EntityManager, T> work) {
        EntityManager em = unit.entityManagerFactory().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
