package dev.relmap.sqlcount;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Tells what a SQL string does and reduces it to its shape.
 *
 * <p>Copes with comments ({@code /* … *}{@code /} and {@code --}), leading parentheses,
 * {@code WITH [RECURSIVE]} common table expressions (the statement after the CTE list decides),
 * H2's data-change delta tables ({@code select … from final table (insert …)} is an INSERT) and
 * sequence calls on H2, PostgreSQL and MariaDB.
 */
public final class SqlClassifier {

    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<![\\w.$])\\d+(?:\\.\\d+)?(?![\\w.])");
    private static final Pattern IN_LIST = Pattern.compile("\\bin\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)+\\s*\\)");
    private static final Pattern ARRAY_PARAMETER =
            Pattern.compile("=\\s*any\\s*\\(\\s*\\?\\s*\\)|array_contains\\s*\\(\\s*\\?");
    private static final Pattern SEQUENCE_CALL = Pattern.compile(
            "^(?:select|values|call)\\s+(?:next\\s+value\\s+for\\b|nextval\\s*\\(|next_value\\s*\\()"
                    + "|^select\\s+nextval\\s*\\(");
    private static final Pattern DELTA_TABLE =
            Pattern.compile("\\b(?:final|new|old)\\s+table\\s*\\(\\s*(insert|update|delete|merge)\\b");

    /**
     * Hibernate sends the same few SQL strings over and over (an N+1 loop sends one string N
     * times), so each string is analysed once. Bounded: cleared when it grows past its limit.
     */
    private static final int CACHE_LIMIT = 4_096;
    private static final Map<String, StatementKind> KINDS = new ConcurrentHashMap<>();
    private static final Map<String, String> SHAPES = new ConcurrentHashMap<>();

    private SqlClassifier() {
    }

    /** The kind of statement {@code sql} is. */
    public static StatementKind classify(String sql) {
        return cached(KINDS, sql, SqlClassifier::classifyUncached);
    }

    private static <V> V cached(Map<String, V> cache, String sql, Function<String, V> analysis) {
        V value = cache.get(sql);
        if (value == null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            value = analysis.apply(sql);
            cache.put(sql, value);
        }
        return value;
    }

    private static StatementKind classifyUncached(String sql) {
        String text = normalise(sql);
        if (SEQUENCE_CALL.matcher(text).find()) {
            return StatementKind.SEQUENCE;
        }
        String keyword = mainKeyword(text);
        if (keyword.equals("select")) {
            var delta = DELTA_TABLE.matcher(text);
            if (delta.find()) {
                keyword = delta.group(1);
            }
        }
        return switch (keyword) {
            case "select", "table", "values" -> StatementKind.SELECT;
            case "insert" -> StatementKind.INSERT;
            case "update" -> StatementKind.UPDATE;
            case "delete" -> StatementKind.DELETE;
            default -> StatementKind.OTHER;
        };
    }

    /**
     * The statement's shape: comments dropped, white space folded, lower case, literals replaced
     * by {@code ?}, and an {@code in (?, ?, …)} list of any length folded to {@code in (?…)}, so
     * that executions differing only in their values share one shape.
     */
    public static String shape(String sql) {
        return cached(SHAPES, sql, SqlClassifier::shapeUncached);
    }

    private static String shapeUncached(String sql) {
        String text = normalise(sql);
        text = STRING_LITERAL.matcher(text).replaceAll("?");
        text = NUMBER_LITERAL.matcher(text).replaceAll("?");
        return IN_LIST.matcher(text).replaceAll("in (?…)");
    }

    /**
     * Whether a shape loads many keys at once: an {@code in} list of two or more parameters, or an
     * array parameter ({@code = any(?)} on PostgreSQL, {@code array_contains(?, …)} on H2). This
     * is how Hibernate's batch fetching looks, and it is not N+1.
     */
    public static boolean isMultiKeyShape(String shape) {
        return shape.contains("in (?…)") || ARRAY_PARAMETER.matcher(shape).find();
    }

    static String normalise(String sql) {
        String text = BLOCK_COMMENT.matcher(sql).replaceAll(" ");
        text = LINE_COMMENT.matcher(text).replaceAll(" ");
        text = WHITESPACE.matcher(text).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
        while (text.startsWith("(")) {
            text = text.substring(1).trim();
        }
        return text;
    }

    /** The first keyword of the statement proper, skipping a WITH clause's CTE definitions. */
    private static String mainKeyword(String text) {
        String first = firstWord(text, 0);
        if (!first.equals("with")) {
            return first;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 4; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                inString = c != '\'';
            } else if (c == '\'') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                String word = firstWord(text, i);
                if (word.equals("select") || word.equals("insert") || word.equals("update")
                        || word.equals("delete") || word.equals("merge") || word.equals("values")) {
                    return word;
                }
                i += word.length() - 1;
            }
        }
        return "with";
    }

    private static String firstWord(String text, int from) {
        int end = from;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return text.substring(from, end);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
