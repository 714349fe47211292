package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.VerdictTest.drain;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit inside a chain of DataSource wrappers, as real applications build them: another JDBC
 * proxy (datasource-proxy here; p6spy, tracing or Spring's {@code TransactionAwareDataSourceProxy}
 * delegate the same way) around the kit-wrapped pool.
 */
@DisplayName("The kit inside a chain of DataSource wrappers")
class WrapperChainTest {

    private static RelmapUnit unit;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        KitFixture.seed(unit, 2, 0);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @Test
    @DisplayName("wraps a pool once: a wrapper around the kit is not wrapped again, so nothing counts twice")
    void wrapsAPoolOnce() throws SQLException {
        DataSource outer = ProxyDataSourceBuilder.create(unit.dataSource()).build();

        DataSource wrappedAgain = SqlCount.wrap(outer);

        assertThat(wrappedAgain).isSameAs(outer);
        try (Connection connection = wrappedAgain.getConnection(); Statement statement = connection.createStatement()) {
            SqlReport report = SqlCount.record(() -> drain(statement.executeQuery("select name from kit_parent")));

            assertThat(report).hasSelectCount(1).hasStatementCount(1);
        }
    }

    @Test
    @DisplayName("is wired, and counts each statement once, when Hibernate gets another wrapper around the kit")
    void wiredBehindAnotherWrapper() {
        DataSource outer = ProxyDataSourceBuilder.create(unit.dataSource()).build();

        try (EntityManagerFactory factory = new HibernatePersistenceConfiguration("kit-behind-a-proxy")
                .managedClasses(Parent.class, Child.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, outer)
                // The dialect relmap chose for the server, as a hand-built factory on a Galera node
                // must take it too: Hibernate's own would refuse the sequence GaleraDialect made.
                .property(AvailableSettings.DIALECT, unit.entityManagerFactory().unwrap(SessionFactoryImplementor.class)
                        .getJdbcServices().getDialect().getClass().getName())
                .createEntityManagerFactory()) {

            assertThat(SqlCount.isWired(factory)).as("wired").isTrue();
            SqlReport report = factory.callInTransaction(entityManager -> {
                try (Recording recording = SqlCount.start(factory)) {
                    entityManager.createQuery("select p from Parent p", Parent.class).getResultList();
                    return recording.stop();
                }
            });

            assertThat(report).hasSelectCount(1).hasStatementCount(1);
        }
    }
}
