package dev.relmap.onetoone.foreignkey;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Reads and writes users and their profiles. Counts are data SELECTs for N users; every list is
 * ordered by id. Any query that returns {@code User} entities without fetching {@code profile}
 * pays one more SELECT per user (see {@link User}), so every list here fetches it or avoids the
 * entity. The caller owns the transaction.
 */
public class UserRepository {

    private final EntityManager entityManager;

    public UserRepository(EntityManager entityManager) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
    }

    /**
     * All users, and, although nothing asked for them, every user's profile: 1 + N SELECTs, one
     * per user, before the caller touches anything. The trap this pattern is about.
     */
    public List<User> findAll() {
        return entityManager.createQuery("""
                select u
                from User u
                order by u.id""", User.class)
                .getResultList();
    }

    /** All users with their profiles in 1 SELECT: a left join, so users without one are kept. */
    public List<User> findAllWithProfiles() {
        return entityManager.createQuery("""
                select u
                from User u
                left join fetch u.profile
                order by u.id""", User.class)
                .getResultList();
    }

    /** The same single SELECT, asked for by an entity graph built from the static metamodel. */
    public List<User> findAllWithProfilesByGraph() {
        EntityGraph<User> graph = entityManager.createEntityGraph(User.class);
        graph.addAttributeNode(User_.profile);
        return entityManager.createQuery("""
                select u
                from User u
                order by u.id""", User.class)
                .setHint("jakarta.persistence.fetchgraph", graph)
                .getResultList();
    }

    /**
     * Every profile with its user, from the owning side: 1 SELECT. The users come in by the join,
     * and Hibernate fills in their inverse {@code profile} from the row it is reading.
     */
    public List<UserProfile> findAllProfilesWithUsers() {
        return entityManager.createQuery("""
                select p
                from UserProfile p
                join fetch p.user
                order by p.id""", UserProfile.class)
                .getResultList();
    }

    /**
     * The users who have no profile, in 1 SELECT. The left join fetch is what makes it one: the
     * same query without it ({@code where u.profile is null}) loads each user found and then asks
     * {@code user_profile} about it once more, 1 + ⌊N/4⌋ in all.
     */
    // tag::without-profile[]
    public List<User> findWithoutProfile() {
        return entityManager.createQuery("""
                select u
                from User u
                left join fetch u.profile p
                where p is null
                order by u.id""", User.class)
                .getResultList();
    }
    // end::without-profile[]

    /** Every user with their bio as records: 1 SELECT, a left join, nothing managed. */
    public List<UserCard> findCards() {
        return entityManager.createQuery("""
                select u.id, u.name, u.email, p.bio
                from User u
                left join u.profile p
                order by u.id""", UserCard.class)
                .getResultList();
    }

    /**
     * One user by id: 2 SELECTs, the user's row and then its profile's, even if the caller never
     * reads the profile. Use {@link #findWithProfile} for one. An id no user has gives an empty
     * {@code Optional}.
     */
    public Optional<User> findById(long id) {
        return Optional.ofNullable(entityManager.find(User.class, id));
    }

    /** One user with their profile in 1 SELECT; an empty {@code Optional} for an id no user has. */
    public Optional<User> findWithProfile(long id) {
        return entityManager.createQuery("""
                select u
                from User u
                left join fetch u.profile
                where u.id = :id""", User.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /**
     * A user's profile by the user's id: 1 SELECT on {@code user_profile} through the unique
     * foreign key, no join (the id of {@code p.user} is the column {@code user_id}). Empty when
     * the user has no profile, or when no user has that id: the one SELECT does not tell them apart.
     */
    public Optional<UserProfile> findProfileByUserId(long userId) {
        return entityManager.createQuery("""
                select p
                from UserProfile p
                where p.user.id = :userId""", UserProfile.class)
                .setParameter("userId", userId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Persists a user with their profile, if any, and flushes: 2 INSERTs (1 without a profile),
     * each table in its own JDBC batch, no SELECT and no UPDATE, plus a sequence call per 50 ids.
     *
     * @throws IllegalArgumentException if {@code user} is null; no statement is sent
     * @throws DuplicateEmailException naming the e-mail already taken; nothing is written
     */
    public User create(User user) {
        Require.notNull(user, "user");
        entityManager.persist(user);
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Constraints.violated(e, ConstraintKind.UNIQUE, User.UK_EMAIL)
                    .<RuntimeException>map(v -> new DuplicateEmailException(user.getEmail(), v))
                    .orElse(e);
        }
        return user;
    }

    /**
     * Gives an existing user a profile: 1 INSERT, no SELECT (the user is a reference by id). The
     * unique key on {@code user_id} refuses a second profile.
     *
     * @throws IllegalArgumentException if {@code profile} is null; no statement is sent
     * @throws DuplicateProfileException naming the user, who already has a profile
     * @throws UnknownIdException naming the id, when no user has it
     */
    public UserProfile addProfile(long userId, UserProfile profile) {
        Require.notNull(profile, "profile");
        profile.setUser(entityManager.getReference(User.class, userId));
        entityManager.persist(profile);
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            if (Constraints.violated(e, ConstraintKind.FOREIGN_KEY, UserProfile.FK_USER).isPresent()) {
                throw new UnknownIdException(User.class, userId, e);
            }
            // The unique key on user_id, the only one an INSERT here can break; unnamed (UserProfile).
            throw Constraints.violated(e, ConstraintKind.UNIQUE)
                    .<RuntimeException>map(v -> new DuplicateProfileException(userId, v))
                    .orElse(e);
        }
        return profile;
    }

    /**
     * Deletes a user and their profile together: 1 SELECT (the user joined to the profile), then
     * the profile's DELETE and the user's, in that order (2 DELETEs, 1 without a profile).
     *
     * @throws UnknownIdException naming the id; nothing is deleted
     */
    public void delete(long userId) {
        User user = findWithProfile(userId).orElseThrow(() -> new UnknownIdException(User.class, userId));
        entityManager.remove(user);
        entityManager.flush();
    }
}
