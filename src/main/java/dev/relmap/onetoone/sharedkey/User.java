package dev.relmap.onetoone.sharedkey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Objects;

/**
 * A user. It has no {@code profile} field on purpose: an inverse {@code @OneToOne} would be read
 * for every user loaded (1 + N SELECTs for a list) unless declared {@code optional = false}, which
 * is a lie for a user without a profile. The profile is found by the user's id instead, which is
 * its own id ({@link UserProfile}).
 *
 * <p>{@code dev.relmap.onetoone.foreignkey} has a {@code User} too: copy one package or the other into a
 * persistence unit, not both (two entities named {@code User} fail the bootstrap).
 */
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

    @Override
    public String toString() {
        return "User{id=" + id + ", name='" + name + "', email='" + email + "'}";
    }
}
