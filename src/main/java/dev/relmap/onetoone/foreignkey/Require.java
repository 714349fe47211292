package dev.relmap.onetoone.foreignkey;

/**
 * The checks this package's repositories make first, before any SQL: a bad argument is refused
 * with an {@link IllegalArgumentException} whose message names the parameter
 * ({@code "<parameter> must not be null"}), never a {@code NullPointerException} from inside Hibernate or
 * a statement the database refuses. Every pattern package has this same small class, on purpose:
 * a package is copied whole.
 */
final class Require {

    private Require() {
    }

    /** {@code value}, or a refusal: "{@code name} must not be null". */
    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
