package dev.relmap.manytomany.link;

import java.util.Locale;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Finds the constraint violation behind a failed flush, whatever JPA wrapped it in, by Hibernate's
 * {@link ConstraintKind} and the constraint's name as declared on the entities, never by the text
 * of the database's message. Every pattern package that translates a violation has this same
 * class, on purpose: a package is copied whole.
 */
final class Constraints {

    private Constraints() {
    }

    /** The violation of {@code constraintName} (any case), of kind {@code kind}, in {@code failure}'s cause chain. */
    static Optional<ConstraintViolationException> violated(Throwable failure, ConstraintKind kind, String constraintName) {
        return violated(failure, kind).filter(violation -> constraintName.equalsIgnoreCase(nameOf(violation)));
    }

    /** The violation of kind {@code kind} in {@code failure}'s cause chain, whatever constraint it names. */
    static Optional<ConstraintViolationException> violated(Throwable failure, ConstraintKind kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getKind() == kind) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }

    /**
     * The violated constraint's own name, lower case. PostgreSQL and MariaDB report the bare name
     * ({@code uk_book_isbn}); H2 reports it qualified, maybe quoted, and followed by its index and
     * row ({@code SCHEMA.UK_BOOK_ISBN INDEX SCHEMA.UK_BOOK_ISBN_INDEX_1 ...}), so the first word is
     * taken, unquoted, and its schema dropped.
     */
    static String nameOf(ConstraintViolationException violation) {
        String reported = String.valueOf(violation.getConstraintName()).replace("\"", "").strip();
        int space = reported.indexOf(' ');
        String qualified = space < 0 ? reported : reported.substring(0, space);
        return qualified.substring(qualified.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
