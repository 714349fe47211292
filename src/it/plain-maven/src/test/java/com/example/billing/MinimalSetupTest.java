package com.example.billing;

// tag::minimal-test[]
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import org.hibernate.tool.schema.Action;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** All a counted test needs: a pool, a factory on the pool wrapped by the kit, data, one assertion. */
class MinimalSetupTest {

    private static HikariDataSource pool;
    private static EntityManagerFactory factory;

    @BeforeAll
    static void open() {
        pool = new HikariDataSource(); // the pool: H2 in memory here, yours in your project
        pool.setJdbcUrl("jdbc:h2:mem:minimal;DB_CLOSE_DELAY=-1");
        pool.setUsername("sa");
        factory = Billing.configuration(SqlCount.wrap(pool)) // the factory, on the pool wrapped once
                .schemaToolingAction(Action.CREATE_DROP)
                .createEntityManagerFactory();
        factory.runInTransaction(entityManager -> { // the data, seeded in code: 5 customers, 2 invoices each
            for (int i = 1; i <= 5; i++) {
                Customer customer = new Customer("Customer " + i, "customer-" + i + "@example.com");
                customer.addInvoice(new Invoice(i + "-1", BigDecimal.ONE));
                customer.addInvoice(new Invoice(i + "-2", BigDecimal.TEN));
                entityManager.persist(customer);
            }
        });
    }

    @AfterAll
    static void close() {
        factory.close();
        pool.close();
    }

    @Test
    void readsTheCustomersWithTheirInvoicesInOneSelect() {
        SqlReport report = SqlCount.record(() -> factory.runInTransaction(entityManager -> entityManager
                .createQuery("""
                        select c
                        from Customer c
                        left join fetch c.invoices
                        order by c.id""", Customer.class)
                .getResultList()
                .forEach(customer -> customer.getInvoices().size())));

        assertThat(report).hasSelectCount(1).hasNoNPlusOne();
    }
}
// end::minimal-test[]
