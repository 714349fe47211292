package dev.relmap.onetoone.sharedkey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import org.hibernate.Hibernate;

/**
 * A user's profile whose primary key IS the user's id ({@code @MapsId}): {@code user_profile.user_id}
 * is at once the primary key and the foreign key to {@code app_user}. So there is no extra column,
 * no extra unique constraint or index, no sequence, at most one profile per user by construction,
 * and a profile is read by the user's id with {@code find} — one primary-key lookup, no join.
 */
// tag::profile-mapping[]
@Entity
@Table(name = "user_profile")
public class UserProfile {

    public static final String FK_USER = "fk_user_profile_user";

    @Id
    private Long id;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", foreignKey = @ForeignKey(name = FK_USER))
    private User user;

    @Column(name = "bio", length = 1000)
    private String bio;

    @Column(name = "avatar_url", length = 500)
    private String avatarUrl;
    // end::profile-mapping[]

    protected UserProfile() {
    }

    /** A profile for {@code user}, a loaded user or a reference by id; its id is the user's. */
    public UserProfile(User user, String bio, String avatarUrl) {
        this.user = Objects.requireNonNull(user, "user");
        this.bio = bio;
        this.avatarUrl = avatarUrl;
    }

    /** The user's id (set at persist from {@link #getUser()}). */
    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
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
