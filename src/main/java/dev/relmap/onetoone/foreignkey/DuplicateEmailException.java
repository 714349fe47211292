package dev.relmap.onetoone.foreignkey;

/**
 * A user with this e-mail already exists; the message names the e-mail, and
 * {@link #constraintName()} the unique constraint. Nothing was written.
 */
public class DuplicateEmailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String email;
    private final String constraintName;

    public DuplicateEmailException(String email, String constraintName, Throwable cause) {
        super("A user with e-mail '" + email + "' already exists", cause);
        this.email = email;
        this.constraintName = constraintName;
    }

    public String email() {
        return email;
    }

    public String constraintName() {
        return constraintName;
    }
}
