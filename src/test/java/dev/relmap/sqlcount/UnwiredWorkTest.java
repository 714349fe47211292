package dev.relmap.sqlcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManagerFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Work through a factory the kit is not wired into fails the recording whatever kind of work it is:
 * a {@code StatelessSession} is no event source (Hibernate fires no load event for it), and a
 * query returning no entity fires none either, so these are the cases entity events miss.
 */
@DisplayName("Work through a factory the kit is not wired into fails the recording")
class UnwiredWorkTest {

    private static final String FACTORY = "kit-unwired-work";

    private static RelmapUnit unit;
    private static Long wiredId;
    private static EntityManagerFactory unwired;
    private static Long id;

    @BeforeAll
    static void open() {
        unit = KitFixture.open(); // a wired factory: the suite has wrapped a DataSource, as a real suite has
        wiredId = KitFixture.seed(unit, 1, 1).get(0);
        unwired = factory(FACTORY, SqlCountIntegrator.WATCH, "true");
        id = seed(unwired);
    }

    @AfterAll
    static void close() {
        unwired.close();
        KitFixture.clear(unit);
        unit.close();
    }

    @Nested
    @DisplayName("through a StatelessSession")
    class Stateless {

        @Test
        void get() {
            assertFailsNamingTheFactory(stateless -> stateless.get(Parent.class, id));
        }

        @Test
        void query() {
            assertFailsNamingTheFactory(stateless -> stateless.createSelectionQuery("from Parent", Parent.class).getResultList());
        }

        @Test
        void insert() {
            assertFailsNamingTheFactory(stateless -> stateless.insert(new Parent("inserted")));
        }

        @Test
        void update() {
            Parent parent = inStateless(stateless -> stateless.get(Parent.class, id));

            assertFailsNamingTheFactory(stateless -> stateless.update(parent));
        }

        @Test
        void delete() {
            Parent parent = inStateless(stateless -> {
                Parent inserted = new Parent("to delete");
                stateless.insert(inserted);
                return inserted;
            });

            assertFailsNamingTheFactory(stateless -> stateless.delete(parent));
        }

        @Test
        void scalarQuery() {
            assertFailsNamingTheFactory(stateless -> stateless.createSelectionQuery("select count(*) from Parent", Long.class)
                    .getSingleResult());
        }
    }

    @Nested
    @DisplayName("through an EntityManager, with a query that returns no entity")
    class NoEntity {

        @Test
        void scalarQuery() {
            assertRecordFails(() -> unwired.callInTransaction(em -> em.createQuery("select count(p) from Parent p", Long.class)
                    .getSingleResult()));
        }

        @Test
        void dtoQuery() {
            assertRecordFails(() -> unwired.callInTransaction(em -> em.createQuery("""
                    select new dev.relmap.sqlcount.UnwiredWorkTest$Name(p.name)
                    from Parent p
                    """, Name.class).getResultList()));
        }

        @Test
        void nativeQuery() {
            assertRecordFails(() -> unwired.callInTransaction(em -> em.createNativeQuery("select name from kit_parent")
                    .getResultList()));
        }
    }

    @Nested
    @DisplayName("and nothing else does")
    class NoFalseAlarm {

        @Test
        @DisplayName("a StatelessSession on a wired factory is counted: its get is 1 SELECT")
        void statelessOnAWiredFactoryIsCounted() {
            SessionFactory wired = unit.entityManagerFactory().unwrap(SessionFactory.class);

            SqlReport report;
            try (StatelessSession stateless = wired.openStatelessSession()) {
                report = SqlCount.record(() -> stateless.get(Parent.class, wiredId));
            }

            assertThat(report.selects()).isEqualTo(1);
            assertThat(report.statements()).hasSize(1);
        }

        @Test
        @DisplayName("work on the unwired factory outside any recording fails nothing")
        void outsideARecording() {
            long count = unwired.callInTransaction(em -> em.createQuery("select count(p) from Parent p", Long.class)
                    .getSingleResult());

            assertThat(count).isPositive();
            assertThat(SqlCount.activeRecordings()).isEmpty();
        }

        @Test
        @DisplayName("a recording scoped to another factory ignores the unwired one, as it ignores its statements")
        void scopedRecording() {
            SqlReport report;
            try (Recording recording = SqlCount.start(unit.entityManagerFactory());
                    StatelessSession stateless = unwired.unwrap(SessionFactory.class).openStatelessSession()) {
                stateless.get(Parent.class, id);
                report = recording.stop();
            }

            assertThat(report.statements()).isEmpty();
        }
    }

    @Nested
    @DisplayName("with the factory's own statement inspector")
    class OwnInspector {

        @Test
        @DisplayName("the configured inspector still sees every statement, and the recording still fails")
        void keepsTheConfiguredInspector() {
            CountingInspector own = new CountingInspector();
            try (EntityManagerFactory withOwn = factory("kit-unwired-own", AvailableSettings.STATEMENT_INSPECTOR, own)) {
                seed(withOwn);
                int before = own.seen.get();

                assertThatThrownBy(() -> SqlCount.record(() -> withOwn.callInTransaction(em -> em
                        .createQuery("select count(p) from Parent p", Long.class).getSingleResult())))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("not wired into 'kit-unwired-own'");
                assertThat(own.seen.get() - before).isEqualTo(1);
            }
        }
    }

    @Test
    @DisplayName("unless that factory switched the kit's watch off: then a stateless get, a scalar query and a find go unnoticed")
    void watchSwitchedOff() {
        try (EntityManagerFactory unwatched = factory("kit-unwatched", SqlCountIntegrator.WATCH, "false")) {
            Long unwatchedId = seed(unwatched);

            SqlReport report = SqlCount.record(() -> {
                try (StatelessSession stateless = unwatched.unwrap(SessionFactory.class).openStatelessSession()) {
                    stateless.get(Parent.class, unwatchedId);
                    stateless.createSelectionQuery("select count(*) from Parent", Long.class).getSingleResult();
                }
                unwatched.runInTransaction(em -> em.find(Parent.class, unwatchedId));
            });

            assertThat(report.statements()).isEmpty();
            assertThat(unwatched.unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions().getStatementInspector())
                    .as("the factory's statement inspector: none, the kit's not even installed")
                    .isNull();
        }
    }

    /** A projection, to show that a query returning no entity is noticed too. */
    public record Name(String value) {
    }

    /** An inspector of the application's own: counts what it is shown and leaves the SQL alone. */
    static final class CountingInspector implements StatementInspector {
        final AtomicInteger seen = new AtomicInteger();

        @Override
        public String inspect(String sql) {
            seen.incrementAndGet();
            return sql;
        }
    }

    private static void assertFailsNamingTheFactory(Consumer<StatelessSession> work) {
        try (StatelessSession stateless = unwired.unwrap(SessionFactory.class).openStatelessSession()) {
            assertRecordFails(() -> work.accept(stateless));
        }
    }

    private static void assertRecordFails(SqlCount.ThrowingRunnable work) {
        assertThatThrownBy(() -> SqlCount.record(work))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not wired into '" + FACTORY + "'")
                .hasMessageContaining("SqlCount.wrap(dataSource)");
        assertThat(SqlCount.activeRecordings()).isEmpty();
    }

    private static <T> T inStateless(Function<StatelessSession, T> work) {
        try (StatelessSession stateless = unwired.unwrap(SessionFactory.class).openStatelessSession()) {
            return work.apply(stateless);
        }
    }

    private static Long seed(EntityManagerFactory factory) {
        return factory.callInTransaction(em -> {
            Parent parent = new Parent("unseen");
            em.persist(parent);
            return parent;
        }).getId();
    }

    private static EntityManagerFactory factory(String name, String setting, Object value) {
        return new HibernatePersistenceConfiguration(name)
                .managedClasses(Parent.class, Child.class)
                .property(setting, value)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, KitFixture.unwrappedDataSource(name))
                .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create")
                .createEntityManagerFactory();
    }
}
