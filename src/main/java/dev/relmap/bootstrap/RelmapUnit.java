package dev.relmap.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * One pattern's persistence unit, open on one database: the {@link EntityManagerFactory} and the
 * pool behind it. Closing it closes both. Use one per test class ({@code @BeforeAll} /
 * {@code @AfterAll}) or try-with-resources.
 */
public final class RelmapUnit implements AutoCloseable {

    private final String name;
    private final DatabaseSettings settings;
    private final String schema;
    private final SessionFactory sessionFactory;
    private final HikariDataSource pool;
    private final DataSource countedDataSource;

    RelmapUnit(
            String name,
            DatabaseSettings settings,
            String schema,
            SessionFactory sessionFactory,
            HikariDataSource pool,
            DataSource countedDataSource) {
        this.name = name;
        this.settings = settings;
        this.schema = schema;
        this.sessionFactory = sessionFactory;
        this.pool = pool;
        this.countedDataSource = countedDataSource;
    }

    public String name() {
        return name;
    }

    public Database database() {
        return settings.database();
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** The schema (on MariaDB: the database) this unit's tables live in. */
    public String schema() {
        return schema;
    }

    public EntityManagerFactory entityManagerFactory() {
        return sessionFactory;
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** The pool as Hibernate sees it: wrapped by the statement-counting kit. */
    public DataSource dataSource() {
        return countedDataSource;
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return name + " on " + settings;
    }
}
