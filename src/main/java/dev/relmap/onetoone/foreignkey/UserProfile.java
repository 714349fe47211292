package dev.relmap.onetoone.foreignkey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.Hibernate;

/**
 * A user's profile, the owning side: {@code user_profile.user_id} is the foreign key, not null,
 * and unique, which is what makes the association one-to-one rather than many-to-one. The
 * unique constraint's index also serves the foreign key, so it needs no index of its own.
 *
 * <p>Hibernate adds that unique constraint for any {@code @OneToOne} join column itself, and
 * 7.4 drops a {@code @UniqueConstraint} that would name it (HHH-19006): its name is the
 * database's or Hibernate's ({@code user_profile_user_id_key} on PostgreSQL, a hashed
 * {@code UK…} on MariaDB, {@code CONSTRAINT_…} on H2). So a second profile is recognised by the kind of violation, the
 * only unique key of this table that an INSERT can break (the id comes from a sequence).
 */
// tag::profile-mapping[]
@Entity
@Table(name = "user_profile")
public class UserProfile {

    public static final String FK_USER = "fk_user_profile_user";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_profile_seq")
    @SequenceGenerator(name = "user_profile_seq", sequenceName = "user_profile_seq", allocationSize = 50)
    private Long id;

    @Column(name = "bio", length = 1000)
    private String bio;

    @Column(name = "avatar_url", length = 500)
    private String avatarUrl;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = FK_USER))
    private User user;
    // end::profile-mapping[]

    protected UserProfile() {
    }

    public UserProfile(String bio, String avatarUrl) {
        this.bio = bio;
        this.avatarUrl = avatarUrl;
    }

    public Long getId() {
        return id;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public String getAvatarUrl() {
        return avatarUrl;
    }

    public void setAvatarUrl(String avatarUrl) {
        this.avatarUrl = avatarUrl;
    }

    public User getUser() {
        return user;
    }

    /** Set through {@link User#setProfile}, which keeps both sides in step. */
    void setUser(User user) {
        this.user = user;
    }

    /** Equal when both are persistent with the same id; one constant hash, so a Set survives persist. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || Hibernate.getClass(this) != Hibernate.getClass(other)) {
            return false;
        }
        return id != null && id.equals(((UserProfile) other).getId());
    }

    @Override
    public int hashCode() {
        return UserProfile.class.hashCode();
    }

    /** Never touches {@code user}. */
    @Override
    public String toString() {
        return "UserProfile{id=" + id + ", bio='" + bio + "', avatarUrl='" + avatarUrl + "'}";
    }
}
