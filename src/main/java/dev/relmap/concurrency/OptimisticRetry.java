package dev.relmap.concurrency;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a read-modify-write in a transaction of its own and, when it fails because another
 * transaction got in its way, runs it again from the read, at most {@code maxAttempts} times in
 * all:
 *
 * <pre>{@code
 * OptimisticRetry.runInTransaction(emf, 8, em -> em.find(Course.class, id).addSeats(2));
 * }</pre>
 *
 * <p>Two kinds of failure are retried, both counted against the same {@code maxAttempts}:
 * <ul>
 *   <li>an optimistic-locking conflict: a versioned row it read was changed in the meantime.
 *       Hibernate reports it as Jakarta's {@link OptimisticLockException} (wrapping its own
 *       {@code StaleObjectStateException}), thrown by the flush or wrapped in the
 *       {@code RollbackException} of the commit;
 *   <li>a transaction the database itself rolled back and calls retryable: an
 *       {@link SQLException} in the cause chain with SQLState {@code 40001} (serialization failure:
 *       PostgreSQL's serializable isolation, H2's and InnoDB's deadlock victims, and a Galera
 *       cluster's certification failure, which a node reports at commit, or at the next statement,
 *       as MariaDB error 1213 "Deadlock found"), SQLState {@code 40P01} (PostgreSQL's deadlock), or
 *       MariaDB/MySQL error code 1213 whatever its SQLState.
 * </ul>
 * Anything else is thrown at once. Not retried, on purpose: a lock wait timeout (MariaDB 1205,
 * SQLState {@code HY000}; PostgreSQL {@code 55P03}; H2 {@code HYT00}). It is no lost race: the
 * lock it waited for is still held by a transaction that is taking long, and each retry would
 * wait the whole timeout again (50 s by default on MariaDB) for the same holder. MariaDB does not
 * even roll the transaction back, only the statement.
 *
 * <p>The work must be safe to repeat: read inside it, and do nothing outside the database that a
 * rolled-back attempt would leave behind.
 *
 * <p>Choosing the bound: a conflict means another writer committed between this attempt's read
 * and its write, so with {@code n} writers of one row each doing one change, {@code n} attempts
 * always suffice, provided each attempt reads what the commits before it wrote. On one server it
 * always does. On a Galera cluster a node applies another node's commit a moment after that
 * commit returned, so a retry through a node that has not applied it yet reads the old row again
 * and loses to the same commit once more; read with {@code wsrep_sync_wait = 1} (the node catches
 * up before each read) to keep the bound. Under a steady stream of writers, no bound guarantees
 * success; past it, the work fails with {@link RetriesExhaustedException} rather than spinning.
 */
public final class OptimisticRetry {

    /** SQLStates of a transaction the database rolled back and that may succeed if run again. */
    static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01");

    /** MariaDB's and MySQL's ER_LOCK_DEADLOCK, also a Galera certification failure. */
    static final int MARIADB_DEADLOCK = 1213;

    /** How far down a cause chain to look; chains that deep are cycles. */
    private static final int MAX_CAUSES = 64;

    private OptimisticRetry() {
    }

    /** {@link #callInTransaction} for work without a result. */
    public static void runInTransaction(EntityManagerFactory factory, int maxAttempts, Consumer<EntityManager> work) {
        Objects.requireNonNull(work, "work");
        callInTransaction(factory, maxAttempts, entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /**
     * Runs {@code work} in {@code factory.callInTransaction} until one attempt commits, and
     * returns its result.
     *
     * @throws RetriesExhaustedException after {@code maxAttempts} attempts that all conflicted or
     *     were rolled back as retryable, carrying the last failure
     * @throws IllegalArgumentException if {@code maxAttempts} is under 1
     */
    public static <T> T callInTransaction(EntityManagerFactory factory, int maxAttempts, Function<EntityManager, T> work) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(work, "work");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return factory.callInTransaction(work);
            } catch (RuntimeException failure) {
                if (!isRetryable(failure)) {
                    throw failure;
                }
                lastFailure = failure;
            }
        }
        throw new RetriesExhaustedException(maxAttempts, lastFailure);
    }

    /**
     * Whether {@link #callInTransaction} runs the work again after {@code failure}: an optimistic
     * conflict, or a transaction the database rolled back as retryable, anywhere in its cause chain.
     */
    public static boolean isRetryable(Throwable failure) {
        return optimisticConflict(failure) != null || retryableRefusal(failure) != null;
    }

    /** The {@link OptimisticLockException} in {@code failure}'s cause chain, or null if there is none. */
    static OptimisticLockException optimisticConflict(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_CAUSES; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException conflict) {
                return conflict;
            }
        }
        return null;
    }

    /**
     * The {@link SQLException} in {@code failure}'s cause chain whose SQLState or error code says
     * the database rolled the transaction back and it may be run again, or null if there is none.
     */
    public static SQLException retryableRefusal(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_CAUSES; cause = cause.getCause()) {
            // Set.of(...).contains(null) throws: a driver's or the work's own SQLException may carry no SQLState.
            if (cause instanceof SQLException sql && (sql.getErrorCode() == MARIADB_DEADLOCK
                    || sql.getSQLState() != null && RETRYABLE_SQL_STATES.contains(sql.getSQLState()))) {
                return sql;
            }
        }
        return null;
    }
}
