package dev.relmap.sqlcount;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

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
    private static final int HEAD = 24;
    private static final int TAIL = 16;

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

    /**
     * Prints values for reading, so that values the kit tells apart also read apart. A value whose
     * text is longer than {@value #MAX_SHOWN} characters keeps its first {@value #HEAD} and last
     * {@value #TAIL} characters around an ellipsis, followed by its whole length:
     * {@code 'https://example.com/cata…/product-000001' (46 chars)}, since values that differ
     * mostly differ at one end (an id at the end of a URL, a prefix at the start). Values that still
     * print alike (ones that differ only in the middle, or two streams) get a number, the same for
     * the same value throughout one printout: {@code (46 chars, #2)}.
     */
    static final class Printer {

        private final Map<String, Map<Object, Integer>> valuesByText = new HashMap<>();

        /** A printer for {@code parameterSets}: it numbers the values among them that print alike. */
        Printer(Collection<List<Object>> parameterSets) {
            for (List<Object> values : parameterSets) {
                for (Object value : values) {
                    Map<Object, Integer> same = valuesByText.computeIfAbsent(plain(value), text -> new HashMap<>());
                    same.putIfAbsent(comparable(value), same.size() + 1);
                }
            }
        }

        String format(List<Object> values) {
            List<String> shown = new ArrayList<>(values.size());
            for (Object value : values) {
                shown.add(format(value));
            }
            return "[" + String.join(", ", shown) + "]";
        }

        String format(Object value) {
            String text = plain(value);
            Map<Object, Integer> same = valuesByText.get(text);
            Integer number = same != null && same.size() > 1 ? same.get(comparable(value)) : null;
            if (number == null) {
                return text;
            }
            return isCut(value) ? text.substring(0, text.length() - 1) + ", #" + number + ")" : text + " (#" + number + ")";
        }
    }

    /** A value's text, cut to its head and tail with its length when it is long. */
    static String plain(Object value) {
        String text = whole(value);
        if (!isCut(value)) {
            return text;
        }
        int head = Character.isHighSurrogate(text.charAt(HEAD - 1)) ? HEAD - 1 : HEAD;
        int tail = text.length() - TAIL;
        tail = Character.isLowSurrogate(text.charAt(tail)) ? tail + 1 : tail;
        return text.substring(0, head) + "…" + text.substring(tail) + " (" + length(value) + ")";
    }

    private static boolean isCut(Object value) {
        return whole(value).length() > MAX_SHOWN;
    }

    private static String length(Object value) {
        if (value instanceof String string) {
            return string.length() + " chars";
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        if (value != null && value.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(value) + " elements";
        }
        return whole(value).length() + " chars";
    }

    private static String whole(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String string) {
            // one value, one line: a line break in a long text must not break the statement log
            return "'" + string.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            List<String> elements = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                elements.add(whole(java.lang.reflect.Array.get(value, i)));
            }
            return "[" + String.join(", ", elements) + "]";
        }
        // A LOB or a stream is kept as it was bound and never read: reading it could consume it
        // before the driver does, or send SQL of its own. PostgreSQL binds a @Lob this way.
        if (value instanceof Clob) {
            return "(Clob)";
        }
        if (value instanceof Blob) {
            return "(Blob)";
        }
        if (value instanceof Reader) {
            return "(character stream)";
        }
        if (value instanceof InputStream) {
            return "(binary stream)";
        }
        return String.valueOf(value);
    }
}
