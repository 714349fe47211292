package dev.relmap.reliability;

import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What one repository parameter accepts, for {@link BadInputContractTest}: a valid value (built
 * afresh for every call, so that a call only ever fails for the one bad argument it was given)
 * and the bad values, each with what it must raise. The kind decides the bad values that come
 * without asking: null for every reference, blank for every required string, an id no row has
 * for every id, one past each bound for every number.
 */
record Sample(Kind kind, Function<EntityManager, Object> valid, Integer min, Integer max, List<Bad> bad) {

    /** The id no row has; every seeded id is a small positive number from a sequence. */
    static final long UNKNOWN_ID = Long.MAX_VALUE;

    enum Kind {
        /** A {@code long} id: an unknown one must be answered by exactly the package's {@code UnknownIdException}. */
        ID,
        /** An {@code int} with bounds: one past either bound is refused. */
        NUMBER,
        /** A required string: null and blank are refused. */
        TEXT,
        /** A required string that names a row: null and blank are refused, an unknown one is not found (typed). */
        KEY,
        /** A string the method documents as optional: null means "none". */
        OPTIONAL,
        /** Any other reference: null is refused. */
        VALUE
    }

    /**
     * A bad value and the exception it must raise, exactly: a {@code NoSuchElementException} of the
     * package; {@code null} means an {@code IllegalArgumentException} naming the parameter.
     */
    record Bad(String label, Object value, Class<? extends NoSuchElementException> expected) {
    }

    /** An id; {@code jpql} selects a row's id (valid), and {@link #UNKNOWN_ID} is the bad one. */
    static Sample id(String jpql) {
        return new Sample(Kind.ID, em -> em.createQuery(jpql, Long.class).getSingleResult(), null, null, List.of());
    }

    static Sample number(int valid, int min) {
        return new Sample(Kind.NUMBER, em -> valid, min, null, List.of());
    }

    static Sample number(int valid, int min, int max) {
        return new Sample(Kind.NUMBER, em -> valid, min, max, List.of());
    }

    static Sample text(String valid) {
        return new Sample(Kind.TEXT, em -> valid, null, null, List.of());
    }

    /** A string naming a row: {@code unknown} names none and must raise {@code expected}. */
    static Sample key(String valid, String unknown, Class<? extends NoSuchElementException> expected) {
        return new Sample(Kind.KEY, em -> valid, null, null, List.of(new Bad("unknown", unknown, expected)));
    }

    static Sample optional(String valid) {
        return new Sample(Kind.OPTIONAL, em -> valid, null, null, List.of());
    }

    static Sample value(Supplier<Object> fresh, Bad... bad) {
        return new Sample(Kind.VALUE, em -> fresh.get(), null, null, List.of(bad));
    }

    static Sample value(Function<EntityManager, Object> fresh, Bad... bad) {
        return new Sample(Kind.VALUE, fresh, null, null, List.of(bad));
    }

    /** This sample with more bad values. */
    Sample with(Bad... more) {
        return new Sample(kind, valid, min, max, Stream.concat(bad.stream(), Arrays.stream(more)).toList());
    }

    /** A bad value that must be refused with an {@code IllegalArgumentException} naming the parameter. */
    static Bad refused(String label, Object value) {
        return new Bad(label, value, null);
    }

    static Bad raises(String label, Object value, Class<? extends NoSuchElementException> expected) {
        return new Bad(label, value, expected);
    }
}
