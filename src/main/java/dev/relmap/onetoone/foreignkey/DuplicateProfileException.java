package dev.relmap.onetoone.foreignkey;

import org.hibernate.exception.ConstraintViolationException;

/**
 * The user already has a profile; the message names the user, and {@link #constraintName()} the
 * unique key on {@code user_profile.user_id} that refused the second one, as the database names
 * it (see {@link UserProfile}). Nothing was written.
 */
public class DuplicateProfileException extends DuplicateKeyException {

    private static final long serialVersionUID = 1L;

    DuplicateProfileException(long userId, ConstraintViolationException violation) {
        super("User " + userId + " already has a profile", userId, violation);
    }

    /** The user who already has a profile. */
    public long userId() {
        return (Long) value();
    }
}
