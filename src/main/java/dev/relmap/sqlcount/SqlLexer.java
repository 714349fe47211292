package dev.relmap.sqlcount;

import dev.relmap.sqlcount.SqlClassifier.Token;
import dev.relmap.sqlcount.SqlClassifier.TokenType;
import java.util.ArrayList;
import java.util.List;

/** Cuts SQL text into tokens, literals and comments whole (see {@link SqlClassifier}). */
final class SqlLexer {

    private SqlLexer() {
    }

    static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            int end;
            TokenType type;
            if (Character.isWhitespace(c)) {
                end = i + 1;
                while (end < length && Character.isWhitespace(sql.charAt(end))) {
                    end++;
                }
                type = TokenType.SPACE;
            } else if (c == '-' && next(sql, i) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? length : end;
                type = TokenType.COMMENT;
            } else if (c == '/' && next(sql, i) == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? length : end + 2;
                type = TokenType.COMMENT;
            } else if (c == '\'') {
                end = quoted(sql, i, '\'');
                type = TokenType.STRING;
            } else if (c == '"' || c == '`') {
                end = quoted(sql, i, c);
                type = TokenType.QUOTED_NAME;
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                String tag = sql.substring(i, dollarTagEnd(sql, i));
                end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? length : end + tag.length();
                type = TokenType.STRING;
            } else if (c == '?') {
                if (next(sql, i) == '?') {
                    end = i + 2;
                    type = TokenType.SYMBOL;
                } else {
                    end = i + 1;
                    type = TokenType.PARAMETER;
                }
            } else if (c == ';') {
                end = i + 1;
                type = TokenType.SEMICOLON;
            } else if (Character.isDigit(c)) {
                end = number(sql, i);
                type = TokenType.NUMBER;
            } else if (Character.isLetter(c) || c == '_') {
                end = i + 1;
                while (end < length && isNameChar(sql.charAt(end))) {
                    end++;
                }
                type = TokenType.WORD;
            } else {
                end = i + 1;
                type = TokenType.SYMBOL;
            }
            tokens.add(new Token(type, sql.substring(i, end), i, end, false));
            i = end;
        }
        return tokens;
    }

    private static char next(String sql, int i) {
        return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
    }

    /** The end of a literal or name opened by {@code quote} at {@code start}; a doubled quote escapes it. */
    private static int quoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (next(sql, i) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** For PostgreSQL's {@code $tag$}: the index after the opening tag, or -1 if this is no tag. */
    private static int dollarTagEnd(String sql, int start) {
        if (start > 0 && isNameChar(sql.charAt(start - 1))) {
            return -1;
        }
        int i = start + 1;
        while (i < sql.length() && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }

    private static int number(String sql, int start) {
        int i = start;
        while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            i++;
        }
        if (i + 1 < sql.length() && sql.charAt(i) == '.' && Character.isDigit(sql.charAt(i + 1))) {
            i++;
            while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
