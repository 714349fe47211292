package dev.relmap.onetoone.sharedkey;

/**
 * The user already has a profile; the message names the user. Refused before anything is sent:
 * the profile's id is the user's, so one primary-key lookup tells. {@link #constraintName()} is
 * {@code null} for that reason; were another transaction to insert the profile between that lookup
 * and the INSERT, the primary key would refuse the second row, under the database's own name for
 * it (JPA has no way to name a primary key).
 */
public class DuplicateProfileException extends DuplicateKeyException {

    private static final long serialVersionUID = 1L;

    DuplicateProfileException(long userId) {
        super("User " + userId + " already has a profile", userId, (String) null);
    }

    /** The user who already has a profile. */
    public long userId() {
        return (Long) value();
    }
}
