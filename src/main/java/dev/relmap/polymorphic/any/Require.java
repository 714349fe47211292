package dev.relmap.polymorphic.any;

/**
 * The checks this package's repositories make first, before any SQL: a malformed argument (null,
 * blank, out of range) is refused with an {@link IllegalArgumentException} whose message names the
 * parameter ({@code "<parameter> must not be null"}), never a {@code NullPointerException} from
 * inside Hibernate or a statement the database refuses. Only these checks throw an
 * {@code IllegalArgumentException}: a well-formed argument the stored data refuses is answered by
 * a {@code NoSuchElementException} or an {@code IllegalStateException} (see the package's
 * exceptions). Every pattern package has this same class, on purpose: a package is copied whole.
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

    /** {@code value}, or a refusal naming it when it is null, empty or only white space. */
    static String notBlank(String value, String name) {
        if (notNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was \"" + value + "\"");
        }
        return value;
    }

    /** {@code value}, or a refusal naming it when it is below {@code min}. */
    static int atLeast(int min, int value, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** {@code value}, or a refusal naming it when it is outside {@code min}–{@code max}. */
    static int between(int min, int max, int value, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
