package dev.relmap.onetoone.sharedkey;

/** A managed user and their managed profile, or {@code null} when they have none. */
public record UserWithProfile(User user, UserProfile profile) {
}
