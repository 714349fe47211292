package dev.relmap.onetoone.foreignkey;

import org.hibernate.exception.ConstraintViolationException;

/**
 * A user with this e-mail already exists ({@value User#UK_EMAIL}); the message names the e-mail,
 * {@link #constraintName()} the constraint the database enforced. Nothing was written.
 */
public class DuplicateEmailException extends DuplicateKeyException {

    private static final long serialVersionUID = 1L;

    DuplicateEmailException(String email, ConstraintViolationException violation) {
        super("A user with e-mail '" + email + "' already exists", email, violation);
    }

    /** The e-mail already taken. */
    public String email() {
        return (String) value();
    }
}
