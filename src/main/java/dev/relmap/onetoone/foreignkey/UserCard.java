package dev.relmap.onetoone.foreignkey;

/** A user's name and e-mail with their profile's bio ({@code null} without a profile): a read model. */
public record UserCard(long id, String name, String email, String bio) {
}
