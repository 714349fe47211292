package dev.relmap.sqlcount;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Bound values as the kit keeps, compares and prints them. */
final class Parameters {

    /**
     * Stands for a value bound while nothing was recording: the kit did not keep it, so it takes
     * no part in a verdict.
     */
    static final Object NOT_CAPTURED = new Object() {
        @Override
        public String toString() {
            return "(not captured)";
        }
    };

    private static final Object NULL = new Object();
    private static final int MAX_SHOWN = 40;

    private Parameters() {
    }

    /** Copies the values, reading JDBC arrays into plain arrays while they are still readable. */
    static List<Object> snapshot(Object[] values, int count) {
        List<Object> copy = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object value = values[i];
            if (value instanceof Array array) {
                value = readArray(array);
            } else if (value instanceof byte[] bytes) {
                value = bytes.clone();
            }
            copy.add(value);
        }
        return copy;
    }

    private static Object readArray(Array array) {
        try {
            return array.getArray();
        } catch (SQLException | RuntimeException e) {
            return array.toString();
        }
    }

    /**
     * A value with real equality: arrays (bytes included) compared element by element, numbers by
     * value ({@code 1.0} equals {@code 1.00}), SQL NULL equal to itself.
     */
    static Object comparable(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        if (value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            List<Object> elements = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                elements.add(comparable(java.lang.reflect.Array.get(value, i)));
            }
            return elements;
        }
        return value;
    }

    /**
     * Adds the keys in a comparable key value (a list of keys, or one key) to {@code keys}; SQL
     * NULL, which Hibernate pads a short batch with, is no key.
     */
    static void collectKeys(Object comparable, java.util.Set<Object> keys) {
        if (comparable instanceof List<?> list) {
            list.forEach(element -> collectKeys(element, keys));
        } else if (comparable != NULL) {
            keys.add(comparable);
        }
    }

    static String format(List<Object> values) {
        List<String> shown = new ArrayList<>(values.size());
        for (Object value : values) {
            shown.add(format(value));
        }
        return "[" + String.join(", ", shown) + "]";
    }

    /** For reading only: long values are cut at 40 characters, bytes shown in hex. */
    static String format(Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (value instanceof String string) {
            text = "'" + string + "'";
        } else if (value instanceof byte[] bytes) {
            text = "0x" + HexFormat.of().formatHex(bytes);
        } else if (value instanceof Object[] array) {
            text = Arrays.deepToString(array);
        } else {
            text = String.valueOf(value);
        }
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN - 1) + "…" : text;
    }
}
