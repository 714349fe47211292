package com.example.shop;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.spring.SqlCountBeanPostProcessor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/** The kit on Hibernate 6.6: the application's DataSource wrapped, each read counted exactly. */
@DataJpaTest
@Import(SqlCountBeanPostProcessor.class) // every DataSource bean, wrapped by the kit
class CustomerQueriesCountedTest {

    private static final int ORDERS_EACH = 2;

    @Autowired
    private CustomerRepository customers;

    @Autowired
    private EntityManager entityManager;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @ParameterizedTest(name = "{0} customers")
    @ValueSource(ints = {3, 7})
    void findAllThenTouchingTheOrdersIsOnePlusN(int n) {
        seed(n);

        SqlReport report = SqlCount.recordAfterFlushAndClear(entityManager,
                () -> customers.findAll().forEach(customer -> customer.getOrders().size()));

        assertThat(report).hasSelectCount(1 + n).hasNPlusOne();
    }

    @ParameterizedTest(name = "{0} customers")
    @ValueSource(ints = {3, 7})
    void theJoinFetchReadsTheOrdersInOneSelect(int n) {
        seed(n);

        SqlReport report = SqlCount.recordAfterFlushAndClear(entityManager,
                () -> customers.findAllWithOrders().forEach(customer -> customer.getOrders().size()));

        assertThat(report).hasSelectCount(1).hasNoNPlusOne();
    }

    @Test
    void theOrdersAreLoadedByTheJoinFetchOnly() {
        seed(1);
        SqlCount.flushAndClear(entityManager);

        Customer lazy = customers.findAll().get(0);
        assertThatAssociation(lazy, "orders").isNotLoaded();
        SqlCount.flushAndClear(entityManager);
        Customer fetched = customers.findAllWithOrders().get(0);

        assertThatAssociation(fetched, "orders").isLoaded();
    }

    @Test
    void aRecordingScopedToTheFactoryCountsItsStatements() {
        Long id = seed(1).get(0);
        SqlCount.flushAndClear(entityManager);

        SqlReport report;
        try (Recording recording = SqlCount.start(entityManagerFactory)) {
            customers.findById(id).orElseThrow().getOrders().size();
            report = recording.stop();
        }

        assertThat(SqlCount.isWired(entityManagerFactory)).isTrue();
        assertThat(report).hasSelectCount(2);
    }

    @Test
    void aFactoryTheKitIsNotWiredIntoFailsTheRecordingInsteadOfCountingZero() {
        try (SessionFactory unwired = unwiredFactory()) {
            Long id = unwired.fromTransaction(session -> {
                Customer customer = new Customer("Unseen");
                session.persist(customer);
                return customer.getId();
            });

            assertThat(SqlCount.isWired(unwired)).isFalse();
            assertThatIllegalStateException().isThrownBy(() -> SqlCount.start(unwired))
                    .withMessageContaining("SqlCount.wrap(dataSource)");
            assertThatIllegalStateException().isThrownBy(() -> SqlCount.record(() -> unwired.inSession(session -> session
                            .find(Customer.class, id))))
                    .withMessageContaining("not wired into 'unwired-shop'");
            assertThatIllegalStateException().isThrownBy(() -> SqlCount.record(() -> {
                        try (StatelessSession stateless = unwired.openStatelessSession()) {
                            stateless.get(Customer.class, id);
                        }
                    }))
                    .withMessageContaining("not wired into 'unwired-shop'");
            assertThatIllegalStateException().isThrownBy(() -> SqlCount.record(() -> unwired.inSession(session -> session
                            .createSelectionQuery("select count(c) from Customer c", Long.class).getSingleResult())))
                    .withMessageContaining("not wired into 'unwired-shop'");
        }
    }

    private List<Long> seed(int n) {
        List<Customer> saved = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
            Customer customer = new Customer("Customer " + c);
            for (int o = 1; o <= ORDERS_EACH; o++) {
                customer.addOrder(new CustomerOrder(c + "-" + o));
            }
            entityManager.persist(customer);
            saved.add(customer);
        }
        return saved.stream().map(Customer::getId).toList();
    }

    /** Another factory of the application's, on a DataSource nobody passed to SqlCount.wrap. */
    private static SessionFactory unwiredFactory() {
        JdbcDataSource pool = new JdbcDataSource();
        pool.setURL("jdbc:h2:mem:unwired-shop;DB_CLOSE_DELAY=-1");
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Customer.class)
                .addAnnotatedClass(CustomerOrder.class)
                .setProperty(AvailableSettings.SESSION_FACTORY_NAME, "unwired-shop")
                .setProperty(AvailableSettings.SESSION_FACTORY_NAME_IS_JNDI, "false")
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "create-drop");
        configuration.getProperties().put(AvailableSettings.DATASOURCE, pool);
        return configuration.buildSessionFactory();
    }
}
