package dev.relmap.concurrency;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;

/**
 * Every attempt of an {@link OptimisticRetry} lost its race with another writer: it read a row
 * another transaction changed before it could write, or the database rolled it back as a deadlock
 * victim or a serialization (on Galera: certification) failure. Nothing of the attempts was
 * committed.
 *
 * <p>{@link #lastFailure()} is the last attempt's failure exactly as it was thrown. {@link #getCause()}
 * keeps the type it has had since 0.1.0, {@link OptimisticLockException}: the last attempt's own
 * optimistic-locking exception, or, when the database refused it, an {@code OptimisticLockException}
 * saying so whose cause is the failure as thrown (the database's {@link SQLException} stays in the
 * chain).
 */
public class RetriesExhaustedException extends RuntimeException {

    private final int attempts;
    private final RuntimeException lastFailure;

    RetriesExhaustedException(int attempts, OptimisticLockException lastConflict) {
        this(attempts, (RuntimeException) lastConflict);
    }

    RetriesExhaustedException(int attempts, RuntimeException lastFailure) {
        this(attempts, lastFailure, asConflict(lastFailure));
    }

    private RetriesExhaustedException(int attempts, RuntimeException lastFailure, OptimisticLockException cause) {
        super(message(attempts, lastFailure), cause);
        this.attempts = attempts;
        this.lastFailure = lastFailure;
    }

    /** How many transactions were tried, all rolled back. */
    public int attempts() {
        return attempts;
    }

    /**
     * The last attempt's failure as it was thrown: a {@code RollbackException} of the commit, an
     * {@link OptimisticLockException} of a flush, or Hibernate's wrapper of the database's
     * {@link SQLException}.
     */
    public RuntimeException lastFailure() {
        return lastFailure;
    }

    @Override
    public synchronized OptimisticLockException getCause() {
        return (OptimisticLockException) super.getCause();
    }

    private static OptimisticLockException asConflict(RuntimeException failure) {
        OptimisticLockException conflict = OptimisticRetry.optimisticConflict(failure);
        if (conflict != null) {
            return conflict;
        }
        return new OptimisticLockException("The database rolled the transaction back as retryable ("
                + describe(OptimisticRetry.retryableRefusal(failure), failure) + ")", failure);
    }

    private static String message(int attempts, RuntimeException lastFailure) {
        OptimisticLockException conflict = OptimisticRetry.optimisticConflict(lastFailure);
        if (conflict != null) {
            return "Gave up after " + attempts + " attempts: each one read a row that another transaction"
                    + " changed before it could write (" + conflict.getMessage() + ")";
        }
        return "Gave up after " + attempts + " attempts: the last one was rolled back by the database as a deadlock"
                + " victim or a serialization failure (" + describe(OptimisticRetry.retryableRefusal(lastFailure), lastFailure) + ")";
    }

    private static String describe(SQLException refusal, RuntimeException failure) {
        if (refusal == null) {
            return String.valueOf(failure);
        }
        return "SQLState " + refusal.getSQLState() + ", error " + refusal.getErrorCode() + ": " + refusal.getMessage();
    }
}
