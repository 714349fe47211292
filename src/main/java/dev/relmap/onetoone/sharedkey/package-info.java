/**
 * One-to-one by a shared primary key, relmap's recommendation: the
 * {@link dev.relmap.onetoone.sharedkey.UserProfile}'s id IS its user's id ({@code @MapsId}), one
 * column that is both primary and foreign key, and {@link dev.relmap.onetoone.sharedkey.User} has
 * no inverse field. Listing users is 1 SELECT with no trap to fall into, and a user's profile is a
 * primary-key lookup; the trade-off is that a profile is asked for by id or by join rather than
 * navigated to from the user.
 *
 * <p>The foreign-key variant is the pattern {@code one-to-one} in {@code dev.relmap.onetoone.foreignkey}, with
 * its own {@code User} and {@code UserProfile}: copy one of the two packages into a persistence
 * unit, not both (the entity names would be declared twice).
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * a user id no row has, by {@code UnknownIdException}, a {@code NoSuchElementException} (the
 * finder that returns an {@code Optional} answers it empty); a taken e-mail or a second profile, by
 * {@code DuplicateEmailException} or {@code DuplicateProfileException}, both a
 * {@code DuplicateKeyException} (an {@code IllegalStateException}).
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.onetoone.sharedkey;
