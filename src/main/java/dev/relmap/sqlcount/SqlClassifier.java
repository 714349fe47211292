package dev.relmap.sqlcount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Tells what a SQL string does, splits it into its statements and reduces each to its shape and
 * the places where values go ({@link Slot}s).
 *
 * <p>It reads SQL the way a database does, one token at a time: string literals ({@code '…'} with
 * {@code ''} escapes, PostgreSQL's {@code $tag$…$tag$}), quoted identifiers ({@code "…"},
 * {@code `…`}), comments ({@code /* … *}{@code /}, {@code --}) and bind parameters, so a {@code --}
 * or a {@code ;} inside a literal is text, not a comment or the end of a statement. Backslash
 * escapes inside literals (MariaDB's {@code 'it\'s'}) are not read as escapes.
 *
 * <p>Classification copes with leading parentheses, {@code WITH [RECURSIVE]} (the statement after
 * the CTE list decides, unless a CTE itself inserts, updates or deletes: PostgreSQL's
 * {@code with gone as (delete … returning *) select …} is a DELETE), H2's data-change delta tables
 * ({@code select … from final table (insert …)} is an INSERT) and sequence calls on H2, PostgreSQL
 * and MariaDB.
 */
final class SqlClassifier {

    /** What a value in a statement is for. */
    enum Role {
        /** A value like any other: a different value means a different read. */
        PLAIN,
        /**
         * The keys a statement loads at once: an {@code in (?, ?, …)} list of bind parameters (not
         * {@code not in}, not literals) or an array parameter ({@code = any(?)},
         * {@code array_contains(?, …)}). This is how batch fetching looks.
         */
        KEYS,
        /** A page bound: the value after {@code limit}, {@code offset}, {@code fetch first|next}, {@code top}. */
        PAGING
    }

    /**
     * One place where values go, in statement order: a literal folded into the shape (its text is
     * its value), or one or more bind parameters (0-based positions among the statement's own).
     */
    record Slot(Role role, String literal, int firstParameter, int parameters) {
    }

    /** One statement of a SQL string: its text and where its bind parameters start in the whole. */
    record Piece(String sql, int parameterOffset, int parameters) {
    }

    /** One statement, analysed. */
    record Analysis(StatementKind kind, String shape, List<Slot> slots, int parameters) {

        boolean hasKeys() {
            return slots.stream().anyMatch(slot -> slot.role() == Role.KEYS);
        }
    }

    private static final Pattern SEQUENCE_CALL = Pattern.compile(
            "^(?:select|values|call)\\s+(?:next\\s+value\\s+for\\b|nextval\\s*\\(|next_value\\s*\\()");
    private static final Pattern DELTA_TABLE =
            Pattern.compile("\\b(?:final|new|old)\\s+table\\s*\\(\\s*(insert|update|delete|merge)\\b");
    private static final Set<String> PAGING_WORDS = Set.of("limit", "offset", "first", "next", "top");
    private static final Set<String> STATEMENT_WORDS = Set.of("select", "insert", "update", "delete", "merge", "values");
    private static final Set<String> MODIFYING_WORDS = Set.of("insert", "update", "delete", "merge");

    /**
     * Hibernate sends the same few SQL strings over and over (an N+1 loop sends one string N
     * times), so each string is analysed once. Bounded: cleared when it grows past its limit.
     */
    private static final int CACHE_LIMIT = 4_096;
    private static final Map<String, List<Piece>> PIECES = new ConcurrentHashMap<>();
    private static final Map<String, Analysis> ANALYSES = new ConcurrentHashMap<>();

    private SqlClassifier() {
    }

    /** The kind of the (first) statement in {@code sql}. */
    static StatementKind classify(String sql) {
        return analyse(pieces(sql).get(0).sql()).kind();
    }

    /**
     * The shape of the (first) statement in {@code sql}: comments dropped, white space folded,
     * lower case, literals and bind parameters shown as {@code ?}, and an {@code in} list of two or
     * more bind parameters folded to {@code in (?…)}, so that executions differing only in their
     * values share one shape.
     */
    static String shape(String sql) {
        return analyse(pieces(sql).get(0).sql()).shape();
    }

    /** Whether {@code sql} has been analysed since the cache was last emptied (for the kit's tests). */
    static boolean isCached(String sql) {
        return PIECES.containsKey(sql) || ANALYSES.containsKey(sql);
    }

    /** The statements {@code sql} carries: one, or several separated by {@code ;} outside literals. */
    static List<Piece> pieces(String sql) {
        return cached(PIECES, sql, SqlClassifier::split);
    }

    /** The analysis of one statement (a {@link Piece}'s text). */
    static Analysis analyse(String statement) {
        return cached(ANALYSES, statement, SqlClassifier::analyseUncached);
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

    private static List<Piece> split(String sql) {
        List<Token> tokens = SqlLexer.tokens(sql);
        List<Piece> pieces = new ArrayList<>(1);
        int start = -1;
        int end = -1;
        int parameters = 0;
        int offset = 0;
        for (Token token : tokens) {
            if (token.type() == TokenType.SEMICOLON) {
                if (start >= 0) {
                    pieces.add(new Piece(sql.substring(start, end), offset, parameters));
                }
                offset += parameters;
                parameters = 0;
                start = -1;
                continue;
            }
            if (token.type() == TokenType.SPACE || token.type() == TokenType.COMMENT) {
                continue;
            }
            if (start < 0) {
                start = token.start();
            }
            end = token.end();
            if (token.type() == TokenType.PARAMETER) {
                parameters++;
            }
        }
        if (start >= 0) {
            pieces.add(new Piece(pieces.isEmpty() ? sql : sql.substring(start, end), offset, parameters));
        }
        if (pieces.isEmpty()) {
            pieces.add(new Piece(sql, 0, 0));
        }
        return List.copyOf(pieces);
    }

    private static Analysis analyseUncached(String statement) {
        List<Token> tokens = significant(SqlLexer.tokens(statement));
        StringBuilder shape = new StringBuilder(statement.length());
        List<Slot> slots = new ArrayList<>();
        int parameter = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            int keys = keyList(tokens, i);
            if (keys > 0) {
                space(shape, tokens, i);
                shape.append("in (?…)");
                slots.add(new Slot(Role.KEYS, null, parameter, keys));
                parameter += keys;
                i += 2 * keys + 1;
                continue;
            }
            space(shape, tokens, i);
            switch (token.type()) {
                case PARAMETER -> {
                    slots.add(new Slot(role(tokens, i), null, parameter++, 1));
                    shape.append('?');
                }
                case STRING, NUMBER -> {
                    slots.add(new Slot(role(tokens, i) == Role.PAGING ? Role.PAGING : Role.PLAIN,
                            token.text(), -1, 0));
                    shape.append('?');
                }
                default -> shape.append(token.lower());
            }
        }
        String text = shape.toString().trim();
        while (text.startsWith("(")) {
            text = text.substring(1).trim();
        }
        return new Analysis(kind(text), text, List.copyOf(slots), parameter);
    }

    /** Tokens without spaces and comments, each remembering whether space preceded it. */
    private static List<Token> significant(List<Token> tokens) {
        List<Token> kept = new ArrayList<>(tokens.size());
        boolean spaced = false;
        for (Token token : tokens) {
            if (token.type() == TokenType.SPACE || token.type() == TokenType.COMMENT) {
                spaced = true;
            } else {
                kept.add(token.spaced(spaced));
                spaced = false;
            }
        }
        return kept;
    }

    private static void space(StringBuilder shape, List<Token> tokens, int i) {
        if (tokens.get(i).spacedBefore() && !shape.isEmpty()) {
            shape.append(' ');
        }
    }

    /**
     * How many bind parameters an {@code in (?, ?, …)} list starting at {@code i} holds, when it
     * holds two or more and nothing else and is not {@code not in}; otherwise 0.
     */
    private static int keyList(List<Token> tokens, int i) {
        if (!tokens.get(i).isWord("in") || (i > 0 && tokens.get(i - 1).isWord("not"))) {
            return 0;
        }
        int j = i + 1;
        if (j >= tokens.size() || !tokens.get(j).is('(')) {
            return 0;
        }
        int count = 0;
        j++;
        while (j < tokens.size() && tokens.get(j).type() == TokenType.PARAMETER) {
            count++;
            j++;
            if (j < tokens.size() && tokens.get(j).is(')')) {
                return count >= 2 ? count : 0;
            }
            if (j >= tokens.size() || !tokens.get(j).is(',')) {
                return 0;
            }
            j++;
        }
        return 0;
    }

    /** The role of a single value at {@code i}: an array of keys, a page bound, or plain. */
    private static Role role(List<Token> tokens, int i) {
        Token previous = i > 0 ? tokens.get(i - 1) : null;
        if (previous == null) {
            return Role.PLAIN;
        }
        if (tokens.get(i).type() == TokenType.PARAMETER && previous.is('(') && i >= 2) {
            Token function = tokens.get(i - 2);
            boolean anyArray = function.isWord("any") && i + 1 < tokens.size() && tokens.get(i + 1).is(')')
                    && i >= 3 && tokens.get(i - 3).is('=');
            if (anyArray || function.isWord("array_contains")) {
                return Role.KEYS;
            }
        }
        if (previous.type() == TokenType.WORD && PAGING_WORDS.contains(previous.lower())) {
            return Role.PAGING;
        }
        // MariaDB's "limit ?, ?": the offset, then the row count.
        if (previous.is(',') && i >= 3 && tokens.get(i - 3).isWord("limit")) {
            return Role.PAGING;
        }
        return Role.PLAIN;
    }

    private static StatementKind kind(String shape) {
        if (SEQUENCE_CALL.matcher(shape).find()) {
            return StatementKind.SEQUENCE;
        }
        String keyword = mainKeyword(shape);
        if (keyword.equals("select")) {
            var delta = DELTA_TABLE.matcher(shape);
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
     * The first keyword of the statement proper. For {@code WITH}, the keyword after the CTE list,
     * unless a CTE body inserts, updates, deletes or merges: then the first such body decides.
     * Works on a shape, which holds no literals and no comments.
     */
    private static String mainKeyword(String shape) {
        String first = word(shape, 0);
        if (!first.equals("with")) {
            return first;
        }
        int depth = 0;
        String modifying = null;
        String previousWord = "";
        for (int i = 4; i < shape.length(); i++) {
            char c = shape.charAt(i);
            if (c == '(') {
                depth++;
                if (depth == 1 && modifying == null && isCteBodyStart(previousWord)) {
                    String body = word(shape, skipSpaces(shape, i + 1));
                    if (MODIFYING_WORDS.contains(body)) {
                        modifying = body;
                    }
                }
                previousWord = "";
            } else if (c == ')') {
                depth--;
            } else if (Character.isLetter(c) && !isWordChar(shape.charAt(i - 1))) {
                String word = word(shape, i);
                if (depth == 0 && STATEMENT_WORDS.contains(word)) {
                    return modifying != null ? modifying : word;
                }
                if (depth == 0) {
                    previousWord = word;
                }
                i += word.length() - 1;
            }
        }
        return modifying != null ? modifying : "with";
    }

    private static boolean isCteBodyStart(String previousWord) {
        return previousWord.equals("as") || previousWord.equals("materialized");
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String word(String text, int from) {
        int end = from;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return text.substring(from, end);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    enum TokenType { SPACE, COMMENT, STRING, QUOTED_NAME, NUMBER, PARAMETER, SEMICOLON, WORD, SYMBOL }

    record Token(TokenType type, String text, int start, int end, boolean spacedBefore) {

        Token spaced(boolean spaced) {
            return new Token(type, text, start, end, spaced);
        }

        String lower() {
            return type == TokenType.WORD ? text.toLowerCase(java.util.Locale.ROOT) : text;
        }

        boolean isWord(String word) {
            return type == TokenType.WORD && text.equalsIgnoreCase(word);
        }

        boolean is(char symbol) {
            return type == TokenType.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
        }
    }
}
