package dev.relmap.sqlcount;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Bound values as the kit keeps and prints them. */
final class Parameters {

    private static final int MAX_SHOWN = 40;

    private Parameters() {
    }

    /** Copies the values, reading JDBC arrays into plain arrays while they are still readable. */
    static List<Object> snapshot(List<Object> values) {
        List<Object> copy = new ArrayList<>(values.size());
        for (Object value : values) {
            copy.add(value instanceof Array array ? readArray(array) : value);
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

    /** The values of the keys a statement asks for, with arrays opened up. */
    static void collectKeys(List<Object> values, java.util.Set<String> keys) {
        for (Object value : values) {
            if (value instanceof Object[] array) {
                for (Object element : array) {
                    if (element != null) {
                        keys.add(String.valueOf(element));
                    }
                }
            } else if (value != null) {
                keys.add(format(value));
            }
        }
    }

    static String format(List<Object> values) {
        List<String> shown = new ArrayList<>(values.size());
        for (Object value : values) {
            shown.add(format(value));
        }
        return "[" + String.join(", ", shown) + "]";
    }

    static String format(Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (value instanceof String string) {
            text = "'" + string + "'";
        } else if (value instanceof byte[] bytes) {
            text = "bytes[" + bytes.length + "]";
        } else if (value instanceof Object[] array) {
            text = Arrays.deepToString(array);
        } else {
            text = String.valueOf(value);
        }
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN - 1) + "…" : text;
    }
}
