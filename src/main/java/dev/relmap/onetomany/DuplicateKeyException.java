package dev.relmap.onetomany;

import java.util.Locale;
import org.hibernate.exception.ConstraintViolationException;

/** A unique key (an author's e-mail, a book's ISBN) is already taken; the message names it. */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }

    static DuplicateKeyException of(Author author, ConstraintViolationException violation) {
        String constraint = String.valueOf(violation.getConstraintName()).toLowerCase(Locale.ROOT);
        if (constraint.contains("uk_author_email")) {
            return new DuplicateKeyException(
                    "An author with e-mail '" + author.getEmail() + "' already exists", violation);
        }
        return new DuplicateKeyException(
                "A unique key of " + author + " or its books is already taken: " + constraint, violation);
    }

    static DuplicateKeyException of(Book book, ConstraintViolationException violation) {
        return new DuplicateKeyException("A book with ISBN '" + book.getIsbn() + "' already exists", violation);
    }
}
