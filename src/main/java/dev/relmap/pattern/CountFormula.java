package dev.relmap.pattern;

import java.util.function.IntUnaryOperator;

/**
 * A statement count as a function of N, with the way the docs write it ({@code 1 + N},
 * {@code 1 + ⌈N/10⌉}, {@code 1}).
 */
public record CountFormula(String text, IntUnaryOperator function) {

    /** A count that does not depend on N. */
    public static CountFormula constant(int count) {
        return new CountFormula(Integer.toString(count), n -> count);
    }

    public static CountFormula of(String text, IntUnaryOperator function) {
        return new CountFormula(text, function);
    }

    /** The count this formula promises at {@code n}. */
    public int at(int n) {
        return function.applyAsInt(n);
    }

    @Override
    public String toString() {
        return text;
    }
}
