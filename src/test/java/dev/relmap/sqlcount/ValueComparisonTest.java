package dev.relmap.sqlcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The verdict rule on reports built by hand: values the database never needs to see. */
@DisplayName("The kit compares bound values as values")
class ValueComparisonTest {

    private static final String SITE = "com.example.Finder.findAll(Finder.java:12)";

    @Test
    @DisplayName("five finds by binary UUID (16 bytes each) are five reads: N+1, not a duplicate read")
    void binaryUuids() {
        List<ExecutedStatement> statements = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            UUID id = new UUID(42, i);
            byte[] bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
            statements.add(select("select name from thing where id = ?", List.of(bytes), i));
        }

        SqlReport report = new SqlReport(statements, 0, List.of(), true);

        assertThat(report.hasNPlusOne()).isTrue();
        assertThat(report.duplicateReads()).isEmpty();
        assertThat(report.nPlusOne().get(0).distinctParameterSets()).isEqualTo(5);
    }

    @Test
    @DisplayName("the same bytes in two arrays are the same value: a duplicate read")
    void equalBytesAreEqual() {
        SqlReport report = new SqlReport(List.of(
                select("select name from thing where id = ?", List.of(new byte[] {1, 2}), 1),
                select("select name from thing where id = ?", List.of(new byte[] {1, 2}), 2)), 0, List.of(), true);

        assertThat(report.hasNPlusOne()).isFalse();
        assertThat(report.duplicateReads()).hasSize(1);
    }

    private static ExecutedStatement select(String sql, List<Object> parameters, int number) {
        return new ExecutedStatement(number, sql, StatementKind.SELECT, parameters, number, false, SITE, "main", 0);
    }
}
