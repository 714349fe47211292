package dev.relmap.onetomany;

import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/** Finds the constraint violation behind a failed flush, whatever JPA wrapped it in. */
final class Constraints {

    private Constraints() {
    }

    static Optional<ConstraintViolationException> violated(Throwable failure, ConstraintKind kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getKind() == kind) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }
}
