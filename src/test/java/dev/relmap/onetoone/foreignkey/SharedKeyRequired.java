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
 * The shared-primary-key mapping ({@code @MapsId}) with {@code optional = false} on the inverse
 * side: the profile's id is the user's and it is promised to exist, so Hibernate puts a proxy
 * there without asking: listing N users is 1 SELECT. The promise is taken on trust: a user
 * without a profile gets a proxy that fails when touched.
 */
final class SharedKeyRequired {

    static final String USER = "SharedKeyRequiredUser";

    private SharedKeyRequired() {
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

        @OneToOne(mappedBy = "user", fetch = FetchType.LAZY, optional = false)
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

    @Entity(name = "SharedKeyRequiredProfile")
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
