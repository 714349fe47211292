package dev.relmap.concurrency;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a read-modify-write in a transaction of its own and, when it fails because a versioned
 * row it read was changed by another transaction in the meantime, runs it again from the read,
 * at most {@code maxAttempts} times in all:
 *
 * <pre>{@code
 * OptimisticRetry.runInTransaction(emf, 8, em -> em.find(Course.class, id).addSeats(2));
 * }</pre>
 *
 * <p>Only optimistic-locking failures are retried: Hibernate reports them as Jakarta's
 * {@link OptimisticLockException} (wrapping its own {@code StaleObjectStateException}), thrown by
 * the flush or wrapped in the {@code RollbackException} of the commit; anything else is thrown at
 * once. The work must be safe to repeat: read inside it, and do nothing outside the database
 * that a rolled-back attempt would leave behind.
 *
 * <p>Choosing the bound: a conflict means another writer committed between this attempt's read
 * and its write, so with {@code n} writers of one row each doing one change, {@code n} attempts
 * always suffice. Under a steady stream of writers, no bound guarantees success; past it, the
 * work fails with {@link RetriesExhaustedException} rather than spinning.
 */
public final class OptimisticRetry {

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
     * @throws RetriesExhaustedException after {@code maxAttempts} attempts that all conflicted,
     *     carrying the last {@link OptimisticLockException}
     * @throws IllegalArgumentException if {@code maxAttempts} is under 1
     */
    public static <T> T callInTransaction(EntityManagerFactory factory, int maxAttempts, Function<EntityManager, T> work) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(work, "work");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        OptimisticLockException lastConflict = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return factory.callInTransaction(work);
            } catch (RuntimeException failure) {
                lastConflict = optimisticConflict(failure);
                if (lastConflict == null) {
                    throw failure;
                }
            }
        }
        throw new RetriesExhaustedException(maxAttempts, lastConflict);
    }

    /** The {@link OptimisticLockException} in {@code failure}'s cause chain, or null if there is none. */
    static OptimisticLockException optimisticConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException conflict) {
                return conflict;
            }
        }
        return null;
    }
}
