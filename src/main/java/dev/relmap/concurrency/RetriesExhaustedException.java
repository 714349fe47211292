package dev.relmap.concurrency;

import jakarta.persistence.OptimisticLockException;

/**
 * Every attempt of an {@link OptimisticRetry} lost its race with another writer. Nothing of the
 * attempts was committed; the cause is the last attempt's {@link OptimisticLockException}.
 */
public class RetriesExhaustedException extends RuntimeException {

    private final int attempts;

    RetriesExhaustedException(int attempts, OptimisticLockException lastConflict) {
        super("Gave up after " + attempts + " attempts: each one read a row that another transaction"
                + " changed before it could write (" + lastConflict.getMessage() + ")", lastConflict);
        this.attempts = attempts;
    }

    /** How many transactions were tried, all rolled back. */
    public int attempts() {
        return attempts;
    }

    @Override
    public synchronized OptimisticLockException getCause() {
        return (OptimisticLockException) super.getCause();
    }
}
