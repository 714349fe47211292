package com.example.billing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.sqlcount.SqlCount;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * The test database: H2 in memory unless {@code billing.jdbc.url} names another (with
 * {@code billing.jdbc.user} and {@code billing.jdbc.password}; {@code billing.schema} when the
 * tables live in a schema of their own). Customer {@code i} has {@code invoicesEach} invoices.
 */
final class TestDatabase {

    private static HikariDataSource pool;

    private TestDatabase() {
    }

    static EntityManagerFactory open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getProperty("billing.jdbc.url", "jdbc:h2:mem:billing;DB_CLOSE_DELAY=-1"));
        config.setUsername(System.getProperty("billing.jdbc.user", "sa"));
        config.setPassword(System.getProperty("billing.jdbc.password", ""));
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        createSchema(System.getProperty("billing.schema"));
        // tag::wire-kit[]
        HibernatePersistenceConfiguration configuration = Billing.configuration(SqlCount.wrap(pool)) // wrapped once
                .schemaToolingAction(Action.CREATE_DROP);
        // end::wire-kit[]
        return configuration.createEntityManagerFactory();
    }

    /** The schema the URL's {@code currentSchema} names, on PostgreSQL; Hibernate creates the tables in it. */
    private static void createSchema(String schema) {
        if (schema == null || schema.isBlank()) {
            return;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema, e);
        }
    }

    static void seed(EntityManagerFactory factory, int customers, int invoicesEach) {
        factory.runInTransaction(em -> {
            for (int i = 1; i <= customers; i++) {
                Customer customer = new Customer("Customer " + i, "customer-" + i + "@example.com");
                for (int j = 1; j <= invoicesEach; j++) {
                    customer.addInvoice(new Invoice(i + "-" + j, BigDecimal.valueOf(100L * j, 2)));
                }
                em.persist(customer);
            }
        });
    }

    static void close(EntityManagerFactory factory) {
        factory.close();
        pool.close();
    }
}
