package dev.relmap.onetoone.sharedkey;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Reads and writes users and their profiles, whose id is the user's. Counts are data SELECTs for
 * N users; every list is ordered by id. Loading users never touches {@code user_profile}: a user
 * has no profile field, so a list of users is 1 SELECT and the profile is asked for when wanted.
 * The caller owns the transaction.
 */
public class UserRepository {

    private final EntityManager entityManager;

    public UserRepository(EntityManager entityManager) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
    }

    /** All users: 1 SELECT, and nothing more until a profile is asked for. */
    public List<User> findAll() {
        return entityManager.createQuery("""
                select u
                from User u
                order by u.id""", User.class)
                .getResultList();
    }

    /**
     * A user's profile by the user's id: 1 SELECT by primary key on {@code user_profile}, no join,
     * or none at all when the profile is already in the persistence context. Called for each user
     * of a list, it is the N+1: 1 + N SELECTs. Empty when the user has no profile, or when no
     * user has that id.
     */
    // tag::find-profile[]
    public Optional<UserProfile> findProfile(long userId) {
        return Optional.ofNullable(entityManager.find(UserProfile.class, userId));
    }
    // end::find-profile[]

    /**
     * Every user with their profile or {@code null}, in 1 SELECT: an entity join on the shared key,
     * since a user has no association to join through.
     */
    // tag::with-profiles[]
    public List<UserWithProfile> findAllWithProfiles() {
        return entityManager.createQuery("""
                select u, p
                from User u
                left join UserProfile p on p.id = u.id
                order by u.id""", Object[].class)
                .getResultStream()
                .map(row -> new UserWithProfile((User) row[0], (UserProfile) row[1]))
                .toList();
    }
    // end::with-profiles[]

    /** Every profile with its user, from the owning side: 1 SELECT. */
    public List<UserProfile> findAllProfilesWithUsers() {
        return entityManager.createQuery("""
                select p
                from UserProfile p
                join fetch p.user
                order by p.id""", UserProfile.class)
                .getResultList();
    }

    /** The users who have no profile: 1 SELECT, a {@code not exists} on the primary key. */
    public List<User> findWithoutProfile() {
        return entityManager.createQuery("""
                select u
                from User u
                where not exists (select 1 from UserProfile p where p.id = u.id)
                order by u.id""", User.class)
                .getResultList();
    }

    /** Every user with their bio as records: 1 SELECT, a left join, nothing managed. */
    public List<UserCard> findCards() {
        return entityManager.createQuery("""
                select u.id, u.name, u.email, p.bio
                from User u
                left join UserProfile p on p.id = u.id
                order by u.id""", UserCard.class)
                .getResultList();
    }

    /**
     * Persists a user and, when {@code bio} or {@code avatarUrl} is given, their profile, then
     * flushes: 2 INSERTs (1 without a profile), each table in its own JDBC batch, no SELECT and no
     * UPDATE, plus a sequence call per 50 users; the profile needs no id of its own. {@code bio}
     * and {@code avatarUrl} may be null.
     *
     * @throws IllegalArgumentException if {@code user} is null; no statement is sent
     * @throws DuplicateEmailException naming the e-mail already taken; nothing is written
     */
    public UserWithProfile create(User user, String bio, String avatarUrl) {
        Require.notNull(user, "user");
        entityManager.persist(user);
        UserProfile profile = null;
        if (bio != null || avatarUrl != null) {
            profile = new UserProfile(user, bio, avatarUrl);
            entityManager.persist(profile);
        }
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Constraints.violated(e, ConstraintKind.UNIQUE, User.UK_EMAIL)
                    .<RuntimeException>map(v -> new DuplicateEmailException(user.getEmail(), v))
                    .orElse(e);
        }
        return new UserWithProfile(user, profile);
    }

    /**
     * Gives an existing user a profile: 1 SELECT by primary key (is there one already?) and
     * 1 INSERT; the user is a reference by id, never read. {@code bio} and {@code avatarUrl} may
     * be null.
     *
     * @throws DuplicateProfileException naming the user, who already has a profile; nothing is sent
     * @throws UnknownIdException naming the id, when no user has it (the foreign key refuses it)
     */
    public UserProfile addProfile(long userId, String bio, String avatarUrl) {
        if (findProfile(userId).isPresent()) {
            throw new DuplicateProfileException(userId);
        }
        UserProfile profile = new UserProfile(entityManager.getReference(User.class, userId), bio, avatarUrl);
        entityManager.persist(profile);
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Constraints.violated(e, ConstraintKind.FOREIGN_KEY, UserProfile.FK_USER)
                    .<RuntimeException>map(v -> new UnknownIdException(User.class, userId, v))
                    .orElse(e);
        }
        return profile;
    }

    /**
     * Deletes a user and their profile together in 2 DELETEs and no SELECT: the profile's id is
     * the user's, so both are deleted by the same id without reading either. Bulk statements skip
     * the persistence context: a loaded copy of either stays managed after its row is gone.
     *
     * @throws UnknownIdException naming the id, when no user has it; nothing is deleted
     */
    public void delete(long userId) {
        entityManager.createQuery("delete from UserProfile p where p.id = :id")
                .setParameter("id", userId)
                .executeUpdate();
        int deleted = entityManager.createQuery("delete from User u where u.id = :id")
                .setParameter("id", userId)
                .executeUpdate();
        if (deleted == 0) {
            throw new UnknownIdException(User.class, userId);
        }
    }
}
