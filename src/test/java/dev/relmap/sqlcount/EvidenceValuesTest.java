package dev.relmap.sqlcount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import java.sql.Clob;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the evidence prints bound values: distinct values read apart, short ones stay as they are. */
@DisplayName("The kit's evidence prints")
class EvidenceValuesTest {

    private static final String SITE = "com.example.Finder.findAll(Finder.java:12)";
    private static final String URL = "https://example.com/catalogue/product-00000";

    @Nested
    @DisplayName("values built by hand")
    class ByHand {

        @Test
        @DisplayName("three long URLs that differ at the end as three different values, with their length")
        void longValuesDifferingAtTheEnd() {
            String evidence = describe(URL + 1, URL + 2, URL + 3);

            assertThat(evidence).contains("parameters: ['https://example.com/cat…/product-000001' (44 chars)], "
                    + "['https://example.com/cat…/product-000002' (44 chars)], "
                    + "['https://example.com/cat…/product-000003' (44 chars)]");
            assertThat(evidence).contains("where url = ? ['https://example.com/cat…/product-000003' (44 chars)]\n");
        }

        @Test
        @DisplayName("long values that differ at the start as different values")
        void longValuesDifferingAtTheStart() {
            String evidence = describe("1: " + "a".repeat(60), "2: " + "a".repeat(60));

            assertThat(evidence).contains("['1: aaaaaaaaaaaaaaaaaaaa…aaaaaaaaaaaaaaa' (63 chars)], "
                    + "['2: aaaaaaaaaaaaaaaaaaaa…aaaaaaaaaaaaaaa' (63 chars)]");
        }

        @Test
        @DisplayName("long values that differ only in the middle with a number each, the same number for the same value")
        void longValuesDifferingInTheMiddle() {
            String x = "a".repeat(30) + "x" + "a".repeat(30);
            String y = "a".repeat(30) + "y" + "a".repeat(30);

            String evidence = describe(x, y, x);

            assertThat(evidence)
                    .contains("['aaaaaaaaaaaaaaaaaaaaaaa…aaaaaaaaaaaaaaa' (61 chars, #1)], "
                            + "['aaaaaaaaaaaaaaaaaaaaaaa…aaaaaaaaaaaaaaa' (61 chars, #2)]")
                    .contains("  3. SELECT   rt 3   select name from thing where url = ? "
                            + "['aaaaaaaaaaaaaaaaaaaaaaa…aaaaaaaaaaaaaaa' (61 chars, #1)]");
        }

        @Test
        @DisplayName("short values whole and as before: text, numbers, null, dates, a 16-byte id")
        void shortValuesUnchanged() {
            String evidence = describeSets(List.of(List.of("parent 1", 42L, LocalDate.of(2024, 1, 31),
                    Timestamp.valueOf("2024-01-31 10:15:30"), new byte[16], "b".repeat(38)), nullList()));

            assertThat(evidence).contains("['parent 1', 42, 2024-01-31, 2024-01-31 10:15:30.0, "
                    + "0x00000000000000000000000000000000, '" + "b".repeat(38) + "']");
            assertThat(evidence).contains("where url = ? [null]");
        }

        @Test
        @DisplayName("long byte arrays by their first and last bytes, with their size")
        void longByteArrays() {
            byte[] first = new byte[64];
            byte[] second = new byte[64];
            second[63] = 1;

            String evidence = describe(first, second);

            assertThat(evidence).contains("[0x0000000000000000000000…0000000000000000 (64 bytes)], "
                    + "[0x0000000000000000000000…0000000000000001 (64 bytes)]");
        }

        @Test
        @DisplayName("a key array by its first and last keys, with its size; a primitive array by its elements")
        void keyArrays() {
            Long[] keys = LongStream.rangeClosed(1, 100).boxed().toArray(Long[]::new);

            String evidence = describe(keys, new long[] {7, 8});

            assertThat(evidence).contains("[[1, 2, 3, 4, 5, 6, 7, 8,…97, 98, 99, 100] (100 elements)], [[7, 8]]");
        }

        @Test
        @DisplayName("a line break inside a value as \\n, so every statement stays on its line")
        void lineBreaks() {
            String evidence = describe("line 1\nline 2");

            assertThat(evidence).contains("where url = ? ['line 1\\nline 2']\n");
        }
    }

    @Test
    @DisplayName("what Hibernate binds for a URL, a 5000-character @Lob text, a @Lob byte array and dates, distinctly")
    void hibernateBoundValues() {
        SqlReport report;
        try (RelmapUnit unit = Relmap.unit("kit-values", Note.class).recreateSchemaAndOpen(DatabaseSettings.current())) {
            report = SqlCount.record(() -> unit.entityManagerFactory().runInTransaction(em -> {
                for (int i = 1; i <= 3; i++) {
                    em.persist(new Note(URL + i, "x".repeat(5000) + i, new byte[100],
                            LocalDate.of(2024, 1, i), Instant.parse("2024-01-0" + i + "T10:00:00Z")));
                }
            }));
        }

        List<String> inserts = report.describe().lines().filter(line -> line.contains(". INSERT")).toList();
        assertThat(inserts).hasSize(3);
        for (int i = 1; i <= 3; i++) {
            ExecutedStatement insert = report.statements().stream().filter(s -> s.kind() == StatementKind.INSERT)
                    .toList().get(i - 1);
            // PostgreSQL binds a @Lob as a Clob or Blob, which the kit keeps unread; H2 and MariaDB bind the values.
            boolean lobs = insert.parameters().stream().anyMatch(Clob.class::isInstance);
            String text = lobs ? "(Clob) (#" + i + ")" : "'xxxxxxxxxxxxxxxxxxxxxxx…xxxxxxxxxxxxxx" + i + "' (5001 chars)";
            String bytes = lobs ? "(Blob) (#" + i + ")" : "0x0000000000000000000000…0000000000000000 (100 bytes)";
            assertThat(inserts.get(i - 1))
                    .contains("'https://example.com/cat…/product-00000" + i + "' (44 chars)")
                    .contains(text)
                    .contains(bytes)
                    .contains("2024-01-0" + i + ",")
                    .hasSizeLessThan(400);
        }
    }

    private static List<Object> nullList() {
        List<Object> values = new ArrayList<>();
        values.add(null);
        return values;
    }

    /** The evidence of one SELECT shape run once per value, from one line of code. */
    private static String describe(Object... values) {
        return describeSets(Arrays.stream(values).map(value -> List.<Object>of(value)).toList());
    }

    private static String describeSets(List<List<Object>> parameterSets) {
        List<ExecutedStatement> statements = new ArrayList<>();
        for (List<Object> parameters : parameterSets) {
            int number = statements.size() + 1;
            statements.add(new ExecutedStatement(number, "select name from thing where url = ?", StatementKind.SELECT,
                    parameters, number, false, SITE, "main", 0));
        }
        return new SqlReport(statements, 0, List.of(), true).describe();
    }
}
