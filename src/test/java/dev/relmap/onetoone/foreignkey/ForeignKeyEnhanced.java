package dev.relmap.onetoone.foreignkey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The unique-foreign-key mapping of {@link dev.relmap.onetoone.foreignkey.User} (the inverse side optional),
 * bytecode-enhanced at build time by the hibernate-maven-plugin, which the pom applies to this
 * class only: the enhanced {@code User} intercepts the read of {@code profile}, so the inverse side
 * is really lazy. Listing N users is 1 SELECT; touching a profile then costs one SELECT each.
 */
final class ForeignKeyEnhanced {

    static final String USER = "ForeignKeyEnhancedUser";

    private ForeignKeyEnhanced() {
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

    @Entity(name = "ForeignKeyEnhancedProfile")
    @Table(name = "user_profile")
    public static class Profile {

        @Id
        private Long id;

        @OneToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "user_id", nullable = false, unique = true)
        private User user;

        @Column(name = "bio", length = 1000)
        private String bio;

        protected Profile() {
        }

        Profile(User user) {
            this.id = user.getId();
            this.user = user;
            this.bio = "Bio of user " + user.getId();
        }

        public String getBio() {
            return bio;
        }
    }
}
