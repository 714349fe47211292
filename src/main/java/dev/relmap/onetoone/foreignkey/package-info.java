/**
 * One-to-one by a unique foreign key: {@link dev.relmap.onetoone.foreignkey.UserProfile} owns
 * {@code user_profile.user_id} (not null, unique) and {@link dev.relmap.onetoone.foreignkey.User#getProfile()}
 * is the {@code mappedBy} side. The trade-off: the inverse side cannot be lazy without bytecode
 * enhancement, so every query for users must fetch the profile or pay one SELECT per user; the
 * shared-key variant in {@code dev.relmap.onetoone.sharedkey} avoids that and is relmap's
 * recommendation.
 *
 * <p>The two variants are two patterns, {@code one-to-one} and {@code one-to-one-shared-key}, each a
 * whole package with its own {@code User} and {@code UserProfile}: a reader copies the one they
 * choose, and each has its own N+1 baseline and cures in the tour. Copying both into one persistence
 * unit fails: the entity names {@code User} and {@code UserProfile} would be declared twice.
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * a user id no row has, by {@code UnknownIdException}, a {@code NoSuchElementException} (the
 * finders that return an {@code Optional} answer it empty); a taken e-mail or a second profile, by
 * {@code DuplicateEmailException} or {@code DuplicateProfileException}, both a
 * {@code DuplicateKeyException} (an {@code IllegalStateException}).
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.onetoone.foreignkey;
