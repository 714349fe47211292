package dev.relmap.onetoone.foreignkey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The shared-primary-key mapping ({@code @MapsId}) with an inverse {@code User.profile} that may be
 * null (JPA's default): Hibernate knows the profile's id (it is the user's) but not whether the
 * row exists, so listing N users costs 1 + N SELECTs.
 */
final class SharedKeyOptional {

    static final String USER = "SharedKeyOptionalUser";

    private SharedKeyOptional() {
    }

    /** Persists user {@code id} and, if asked, their profile. */
    static void persist(EntityManager entityManager, long id, boolean withProfile) {
        User user = new User(id);
        entityManager.persist(user);
        if (withProfile) {
            entityManager.persist(new Profile(user));
        }
    }

    @Entity(name = USER)
    @Table(name = "app_user")
    public static class User {

        @Id
        private Long id;

        @Column(name = "name", nullable = false, length = 100)
        private String name;

        @OneToOne(mappedBy = "user", fetch = FetchType.LAZY)
        private Profile profile;

        protected User() {
        }

        User(long id) {
            this.id = id;
            this.name = "User " + id;
        }

        public Long getId() {
            return id;
        }

        public Profile getProfile() {
            return profile;
        }
    }

    @Entity(name = "SharedKeyOptionalProfile")
    @Table(name = "user_profile")
    public static class Profile {

        @Id
        private Long id;

        @MapsId
        @OneToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "user_id")
        private User user;

        @Column(name = "bio", length = 1000)
        private String bio;

        protected Profile() {
        }

        Profile(User user) {
            this.user = user;
            this.bio = "Bio of user " + user.getId();
        }

        public String getBio() {
            return bio;
        }
    }
}
