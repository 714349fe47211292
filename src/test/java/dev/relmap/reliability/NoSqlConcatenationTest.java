package dev.relmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No query in relmap's main code is built by gluing values into SQL: every value is a bound
 * parameter. The scan reads the sources and flags (1) a query-running call whose SQL argument is an
 * expression with {@code +}, {@code formatted(} or {@code String.format}, and (2) a string literal
 * that starts like SQL and is concatenated with anything. DDL cannot bind identifiers, so the few
 * places that must put a schema name into SQL are listed with the reason it is safe.
 */
@DisplayName("relmap's SQL")
class NoSqlConcatenationTest {

    private static final Path MAIN = Path.of("src/main/java");

    private static final Pattern QUERY_CALL = Pattern.compile(
            "\\.(createQuery|createNativeQuery|createSelectionQuery|createMutationQuery|prepareStatement"
                    + "|prepareCall|executeQuery|executeUpdate|executeLargeUpdate|execute|addBatch)\\(");
    private static final Pattern SQL_LITERAL_CONCATENATED = Pattern.compile(
            "\"(?i:select|insert|update|delete|drop|create|alter|with|call|kill|merge|truncate)\\s[^\"]*\"\\s*\\+");

    /** File → why its concatenation is safe. Keep this short; a new entry needs a reason a reviewer accepts. */
    private static final Map<String, String> ALLOWED = Map.of(
            "dev/relmap/bootstrap/Database.java",
            "DDL for the unit's own schema: the name is built from the unit name reduced to [a-z0-9_]"
                    + " and a prefix DatabaseSettings checks against [a-z][a-z0-9_]*; identifiers cannot be bound",
            "dev/relmap/bootstrap/GaleraDialect.java",
            "the create-sequence DDL Hibernate asks a dialect for, as Hibernate's own MariaDBSequenceSupport builds"
                    + " it: the name is the mapping's, rendered by Hibernate, and numbers are ints; identifiers cannot be bound");

    @Test
    @DisplayName("binds every value as a parameter: no query is built by concatenating input")
    void neverConcatenatesInputIntoSql() throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !ALLOWED.containsKey(MAIN.relativize(file).toString().replace('\\', '/')))
                    .forEach(file -> findings.addAll(scan(file)));
        }

        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }

    @Test
    @DisplayName("would notice a query built by concatenation, in either form")
    void theScanFindsConcatenation(@org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
        Path unsafe = folder.resolve("Unsafe.java");
        Files.writeString(unsafe, """
                class Unsafe {
                    Object byName(jakarta.persistence.EntityManager em, String name) {
                        return em.createQuery("select a from Author a where a.name = '" + name + "'").getResultList();
                    }
                    String sql(long id) {
                        String sql = "delete from book where id = " + id;
                        return sql;
                    }
                    Object safe(jakarta.persistence.EntityManager em, String name) {
                        return em.createQuery("select a from Author a where a.name = :name")
                                .setParameter("name", name).getResultList();
                    }
                }
                """);

        assertThat(scan(unsafe)).extracting(finding -> finding.replaceAll("(?s)^.*?\\.java:(\\d+):.*$", "$1"))
                .containsOnly("3", "6");
    }

    private static List<String> scan(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> findings = new ArrayList<>();
        Matcher call = QUERY_CALL.matcher(source);
        while (call.find()) {
            String argument = firstArgument(source, call.end());
            String outsideLiterals = withoutLiterals(argument);
            if (outsideLiterals.contains("+") || outsideLiterals.contains("formatted(")
                    || outsideLiterals.contains("String.format")) {
                findings.add(file + ":" + line(source, call.start()) + ": " + call.group(1) + "(" + argument.strip() + ")");
            }
        }
        Matcher literal = SQL_LITERAL_CONCATENATED.matcher(source);
        while (literal.find()) {
            findings.add(file + ":" + line(source, literal.start()) + ": SQL concatenated: " + literal.group().strip());
        }
        return findings;
    }

    /** The text of the first argument of the call whose parenthesis opened just before {@code from}. */
    private static String firstArgument(String source, int from) {
        int depth = 0;
        boolean inString = false;
        boolean inTextBlock = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inTextBlock) {
                if (source.startsWith("\"\"\"", i)) {
                    inTextBlock = false;
                    i += 2;
                }
            } else if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (source.startsWith("\"\"\"", i)) {
                inTextBlock = true;
                i += 2;
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                if (depth == 0) {
                    return source.substring(from, i);
                }
                depth--;
            }
        }
        return source.substring(from);
    }

    private static String withoutLiterals(String expression) {
        return expression.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"").replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    private static int line(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
