package com.example.billing;

// tag::imports[]
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import dev.relmap.sqlcount.junit.SqlCountExtension;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
// end::imports[]

/** The kit in a user's own tests, exactly as docs/use-in-your-project.md shows it. */
// tag::test-class[]
@ExtendWith(SqlCountExtension.class)
class CustomerQueriesTest {

    private static final int CUSTOMERS = 10;

    private static EntityManagerFactory factory;
    private EntityManager entityManager;

    @BeforeAll
    static void open() {
        factory = TestDatabase.open();
        TestDatabase.seed(factory, CUSTOMERS, 3);
    }

    @AfterAll
    static void close() {
        TestDatabase.close(factory);
    }

    @BeforeEach
    void begin() {
        entityManager = factory.createEntityManager();
        entityManager.getTransaction().begin();
    }

    @AfterEach
    void rollBack() {
        entityManager.getTransaction().rollback();
        entityManager.close();
    }

    @Test
    void loadsCustomersWithTheirInvoicesInOneSelect() {
        SqlReport report = SqlCount.recordAfterFlushAndClear(entityManager, () -> entityManager
                .createQuery("""
                        select c
                        from Customer c
                        left join fetch c.invoices
                        order by c.id""", Customer.class)
                .getResultList()
                .forEach(customer -> customer.getInvoices().size()));

        assertThat(report).hasSelectCount(1).hasNoNPlusOne();
    }

    @Test
    void provesTheNPlusOneOfTheLazyLoop() {
        SqlReport report = SqlCount.recordAfterFlushAndClear(entityManager, () -> entityManager
                .createQuery("from Customer order by id", Customer.class)
                .getResultList()
                .forEach(customer -> customer.getInvoices().size()));

        assertThat(report).hasSelectCount(1 + CUSTOMERS).hasNPlusOne();
    }

    @Test
    void sendsSixtyNewInvoicesInThreeJdbcBatches() {
        Customer customer = new Customer("New customer", "new@example.com");
        for (int j = 1; j <= 60; j++) {
            customer.addInvoice(new Invoice("N-" + j, BigDecimal.TEN));
        }

        SqlReport report = SqlCount.record(() -> {
            entityManager.persist(customer);
            entityManager.flush();
        });

        assertThat(report)
                .hasSelectCount(0)
                .hasSequenceCallCount(1)
                .hasInsertCount(1 + 60)
                .hasRoundTripCount(StatementKind.INSERT, 1 + 3)
                .hasBatchCount(StatementKind.INSERT, 1 + 3);
    }

    @Test
    void leavesTheInvoicesUnloaded() {
        List<Customer> customers = entityManager.createQuery("from Customer", Customer.class).getResultList();

        assertThatAssociation(customers.get(0), Customer_.invoices).isNotLoaded();
    }
}
// end::test-class[]
