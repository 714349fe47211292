package dev.relmap.onetoone.sharedkey;

import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/** Finds the named constraint violation behind a failed flush, whatever JPA wrapped it in. */
final class Constraints {

    private Constraints() {
    }

    /** The violation of {@code kind} on the constraint {@code name} (any case), if that is what failed. */
    static Optional<ConstraintViolationException> violated(Throwable failure, ConstraintKind kind, String name) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getKind() == kind
                    && name.equalsIgnoreCase(violation.getConstraintName())) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }
}
