package dev.relmap.onetoone.foreignkey;

import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/** Finds the named constraint violation behind a failed flush, whatever JPA wrapped it in. */
final class Constraints {

    private Constraints() {
    }

    /** The violation of {@code kind} on the constraint {@code name} (any case), if that is what failed. */
    static Optional<ConstraintViolationException> violated(Throwable failure, ConstraintKind kind, String name) {
        return violated(failure, kind).filter(violation -> name.equalsIgnoreCase(nameOf(violation)));
    }

    /** The violation of {@code kind}, whatever constraint it names. */
    static Optional<ConstraintViolationException> violated(Throwable failure, ConstraintKind kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getKind() == kind) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }

    /**
     * The violated constraint's own name: H2 reports it qualified and followed by the index and the
     * row ({@code SCHEMA.UK_APP_USER_EMAIL INDEX … VALUES …}), so the first word, unqualified.
     */
    static String nameOf(ConstraintViolationException violation) {
        String reported = violation.getConstraintName() == null ? "" : violation.getConstraintName().strip();
        String first = reported.split("\\s+", 2)[0];
        return first.substring(first.lastIndexOf('.') + 1);
    }
}
