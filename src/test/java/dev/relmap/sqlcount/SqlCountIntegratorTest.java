package dev.relmap.sqlcount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.stream.StreamSupport;
import org.hibernate.Version;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventType;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

/**
 * relmap's own suite runs the kit's integrator on the Hibernate relmap is built with (the consumer
 * projects under {@code src/it} run it on the versions Spring Boot brings): Hibernate discovers it,
 * puts the kit's statement inspector on every factory, and adds its listeners only where the kit is
 * not wired.
 */
class SqlCountIntegratorTest {

    @Test
    void runsOnTheHibernateRelmapIsBuiltWith() {
        assertThat(Version.getVersionString()).startsWith("7.4.");
    }

    @Test
    void watchesAnUnwiredFactoryWithItsInspectorAndListeners() {
        try (EntityManagerFactory unwired = new HibernatePersistenceConfiguration("kit-integrated")
                .managedClasses(Parent.class, Child.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, KitFixture.unwrappedDataSource("kit-integrated"))
                .createEntityManagerFactory()) {
            SessionFactoryImplementor factory = unwired.unwrap(SessionFactoryImplementor.class);

            assertThat(factory.getSessionFactoryOptions().getStatementInspector()).isInstanceOf(UnwiredStatementWatch.class);
            assertThat(kitListeners(factory, EventType.POST_LOAD)).hasSize(1);
            assertThat(kitListeners(factory, EventType.PRE_INSERT)).hasSize(1);
        }
    }

    @Test
    void givesAWiredFactoryTheInspectorButNoListeners() {
        try (RelmapUnit unit = KitFixture.open()) {
            SessionFactoryImplementor factory = unit.entityManagerFactory().unwrap(SessionFactoryImplementor.class);

            assertThat(factory.getSessionFactoryOptions().getStatementInspector()).isInstanceOf(UnwiredStatementWatch.class);
            assertThat(kitListeners(factory, EventType.POST_LOAD)).isEmpty();
            assertThat(kitListeners(factory, EventType.PRE_INSERT)).isEmpty();
        }
    }

    @SuppressWarnings("deprecation") // listeners() is deprecated in 7.4, and still the plain way to list a group
    private static List<Object> kitListeners(SessionFactoryImplementor factory, EventType<?> type) {
        Iterable<?> listeners = factory.getEventEngine().getListenerRegistry().getEventListenerGroup(type).listeners();
        return StreamSupport.stream(listeners.spliterator(), false)
                .map(Object.class::cast)
                .filter(listener -> listener.getClass().getName().startsWith(SqlCountIntegrator.class.getName()))
                .toList();
    }
}
