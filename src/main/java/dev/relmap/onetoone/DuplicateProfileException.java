package dev.relmap.onetoone;

/**
 * The user already has a profile; the message names the user, and {@link #constraintName()} the
 * unique constraint that refused the second one. Nothing was written.
 */
public class DuplicateProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String constraintName;

    public DuplicateProfileException(long userId, String constraintName, Throwable cause) {
        super("User " + userId + " already has a profile", cause);
        this.userId = userId;
        this.constraintName = constraintName;
    }

    public long userId() {
        return userId;
    }

    public String constraintName() {
        return constraintName;
    }
}
