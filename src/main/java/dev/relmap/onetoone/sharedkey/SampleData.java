package dev.relmap.onetoone.sharedkey;

import jakarta.persistence.EntityManager;

/**
 * Deterministic data for this pattern, the same as the foreign-key variant's: user {@code i}
 * (from 1) is "User i" with e-mail {@code user-i@relmap.dev}; every user has a profile except
 * every fourth ({@code i} divisible by {@value #NO_PROFILE_EVERY}), so N users have N − ⌊N/4⌋
 * profiles. Odd users have an avatar.
 */
public final class SampleData {

    /** Every user whose number is a multiple of this has no profile. */
    public static final int NO_PROFILE_EVERY = 4;

    private static final int FLUSH_EVERY = 200;

    private SampleData() {
    }

    /** Users among the first N that have no profile: ⌊N/4⌋. */
    public static int withoutProfile(int n) {
        return n / NO_PROFILE_EVERY;
    }

    /** Users among the first N that have a profile: N − ⌊N/4⌋. */
    public static int withProfile(int n) {
        return n - withoutProfile(n);
    }

    /** A transient user number {@code i}. */
    public static User user(int i) {
        return new User("User " + i, "user-" + i + "@relmap.dev");
    }

    /** The bio of user number {@code i}'s profile. */
    public static String bio(int i) {
        return "Bio of user " + i;
    }

    /** The avatar of user number {@code i}'s profile: odd users have one. */
    public static String avatarUrl(int i) {
        return i % 2 == 1 ? "https://img.relmap.dev/" + i + ".png" : null;
    }

    /**
     * Persists N users, with profiles as the class comment says, in the caller's transaction.
     * Flushes and clears every few hundred users; leaves the context clear.
     */
    public static void seed(EntityManager entityManager, int n) {
        for (int i = 1; i <= n; i++) {
            User user = user(i);
            entityManager.persist(user);
            if (i % NO_PROFILE_EVERY != 0) {
                entityManager.persist(new UserProfile(user, bio(i), avatarUrl(i)));
            }
            if (i % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
        entityManager.clear();
    }

    /** Deletes every row of this pattern, profiles first; for cleaning between tests. */
    public static void clear(EntityManager entityManager) {
        entityManager.createQuery("delete from UserProfile").executeUpdate();
        entityManager.createQuery("delete from User").executeUpdate();
        entityManager.clear();
    }
}
