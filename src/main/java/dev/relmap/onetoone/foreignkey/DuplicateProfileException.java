package dev.relmap.onetoone.foreignkey;

/**
 * The user already has a profile; the message names the user, and {@link #constraintName()} the
 * unique key on {@code user_profile.user_id} that refused the second one, as the database names
 * it (see {@link UserProfile}). Nothing was written.
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
