package dev.relmap.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * One pattern's persistence unit, open on one database: the {@link EntityManagerFactory} and the
 * pool behind it, in a schema of its own that no other relmap run on the same server can recreate
 * while this unit is open. Closing it closes both and lets the schema go; its rows stay until the
 * unit is next recreated. Use one per test class ({@code @BeforeAll} / {@code @AfterAll}) or
 * try-with-resources.
 */
public final class RelmapUnit implements AutoCloseable {

    private final String name;
    private final DatabaseSettings settings;
    private final String schema;
    private final SessionFactory sessionFactory;
    private final HikariDataSource pool;
    private final DataSource countedDataSource;
    private final SchemaLock lock;
    private final boolean readOnly;

    RelmapUnit(
            String name,
            DatabaseSettings settings,
            String schema,
            SessionFactory sessionFactory,
            HikariDataSource pool,
            DataSource countedDataSource,
            SchemaLock lock,
            boolean readOnly) {
        this.name = name;
        this.settings = settings;
        this.schema = schema;
        this.sessionFactory = sessionFactory;
        this.pool = pool;
        this.countedDataSource = countedDataSource;
        this.lock = lock;
        this.readOnly = readOnly;
    }

    public String name() {
        return name;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * Whether the unit was opened with {@link UnitSpec#openReadOnly}: its connections are
     * read-only and every write through it fails with {@link ReadOnlyUnitException}.
     */
    public boolean readOnly() {
        return readOnly;
    }

    /** The schema (on MariaDB: the database) this unit's tables live in. */
    public String schema() {
        return schema;
    }

    public EntityManagerFactory entityManagerFactory() {
        return sessionFactory;
    }

    /**
     * Runs {@code work} in a new EntityManager and a transaction that is always rolled back, and
     * returns its result: for reads that must leave no trace and for tests that try a write and
     * look at what it did before it is undone. Commit with the factory's own
     * {@code runInTransaction} / {@code callInTransaction} (JPA 3.2).
     */
    public <T> T callInRolledBackTransaction(Function<EntityManager, T> work) {
        try (EntityManager entityManager = sessionFactory.createEntityManager()) {
            EntityTransaction transaction = entityManager.getTransaction();
            transaction.begin();
            T result;
            try {
                result = work.apply(entityManager);
            } catch (RuntimeException | Error failure) {
                // A rollback that fails too (the connection died) must not hide why the work failed.
                try {
                    if (transaction.isActive()) {
                        transaction.rollback();
                    }
                } catch (RuntimeException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
                throw failure;
            }
            transaction.rollback();
            return result;
        }
    }

    /** Runs {@code work} in a new EntityManager and a transaction that is always rolled back. */
    public void runInRolledBackTransaction(Consumer<EntityManager> work) {
        callInRolledBackTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
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
            try {
                pool.close();
            } finally {
                lock.close();
            }
        }
    }

    @Override
    public String toString() {
        return name + " on " + settings + (readOnly ? " (read-only)" : "");
    }
}
