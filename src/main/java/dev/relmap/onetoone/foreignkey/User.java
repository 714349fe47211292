package dev.relmap.onetoone.foreignkey;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Objects;

/**
 * A user, the aggregate root: it owns its profile (cascade, orphan removal), which holds the
 * foreign key. {@code profile} is the inverse side and, although declared LAZY, is read whenever
 * a user is loaded: Hibernate must know whether a profile row exists to put {@code null} or a
 * proxy there, and only a query on {@code user_profile} can tell it. Fetch it with the user
 * ({@link UserRepository#findAllWithProfiles()}) or pay one SELECT per user.
 *
 * <p>{@code dev.relmap.onetoone.sharedkey} has a {@code User} too: copy one package or the other
 * into a persistence unit, not both (two entities named {@code User} fail the bootstrap).
 */
// tag::user-mapping[]
@Entity
// Not "user": a reserved word on PostgreSQL and H2 (and in the SQL standard), which would have to
// be quoted in every statement, hand-written SQL included. app_user says what it is and needs none.
@Table(name = "app_user",
        uniqueConstraints = @UniqueConstraint(name = User.UK_EMAIL, columnNames = "email"))
public class User {

    public static final String UK_EMAIL = "uk_app_user_email";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    // The business key: unique (the @UniqueConstraint above), set once (no setter), and what
    // equals compares. Deliberately not @NaturalId: relmap never looks an entity up by it through
    // Hibernate, and the natural-id entry the persistence context keeps for every loaded entity
    // cost one-to-many's JOIN FETCH about a fifth of its CPU (docs/benchmarks.md, entity gap).
    @Column(name = "email", nullable = false, length = 200)
    private String email;

    // LAZY is a wish here, not a promise: see the class comment.
    @OneToOne(mappedBy = "user", fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    private UserProfile profile;

    public void setProfile(UserProfile newProfile) {
        if (profile != null) {
            profile.setUser(null);
        }
        profile = newProfile;
        if (newProfile != null) {
            newProfile.setUser(this);
        }
    }
    // end::user-mapping[]

    protected User() {
    }

    public User(String name, String email) {
        this.name = Objects.requireNonNull(name, "name");
        this.email = Objects.requireNonNull(email, "email");
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    /** The profile, or {@code null}: already loaded, whatever the mapping says (class comment). */
    public UserProfile getProfile() {
        return profile;
    }

    /** Removes the profile; orphan removal deletes its row at flush. */
    public void removeProfile() {
        setProfile(null);
    }

    /** Equal when the business key (the e-mail) is: stable before and after persist, and after merge. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof User user && Objects.equals(email, user.getEmail());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(email);
    }

    /** Never touches {@code profile}. */
    @Override
    public String toString() {
        return "User{id=" + id + ", name='" + name + "', email='" + email + "'}";
    }
}
