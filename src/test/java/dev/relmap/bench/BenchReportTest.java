package dev.relmap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark report's ratios: each read against its own JDBC floor, each lever against the read as shipped. */
class BenchReportTest {

    private static final String JDBC = "JDBC: ";

    private static Measured read(String group, String subject, String pool, int n, double wallMicros, double cpuMicros) {
        return new Measured(group, subject, pool, n, wallMicros, Double.NaN, "us/op", 1024, cpuMicros);
    }

    @Test
    void aReadIsDividedByItsOwnFloorInCpuAndInWallTime() {
        BenchReport report = new BenchReport("h2", "setup", List.of(
                read("reads of p", "lazy", "raw pool", 10, 600, 300),
                read("reads of p", "records", "raw pool", 10, 120, 40),
                read("reads of p", JDBC + "entities", "raw pool", 10, 200, 100),
                read("reads of p", JDBC + "rows", "raw pool", 10, 100, 20)),
                List.of(), JDBC, Map.of("p", Map.of("lazy", "entities", "records", "rows")));

        String markdown = report.markdown();

        assertThat(markdown).contains("| lazy | 300 µs (3.00×) · 1 KB · wall 600 µs (3.00×) |");
        assertThat(markdown).contains("| records | 40.00 µs (2.00×) · 1 KB · wall 120 µs (1.20×) |");
        assertThat(markdown).contains("| JDBC: rows | 20.00 µs · 1 KB · wall 100 µs |");
    }

    @Test
    void aLeverIsDividedByTheReadAsShippedAndByTheJdbcFloorOnItsOwnPool() {
        String joinFetch = "JOIN FETCH";
        String floor = JDBC + "authors with their books";
        BenchReport report = new BenchReport("h2", "setup", List.of(
                read("levers", joinFetch, "raw pool", 1000, 2000, 1000),
                read("levers", joinFetch, "raw pool, no @NaturalId", 1000, 1500, 750),
                read("levers", joinFetch, "kit", 1000, 2200, 1100),
                read("levers", floor, "raw pool", 1000, 500, 250),
                read("levers", floor, "kit", 1000, 1100, 275)),
                List.of(), JDBC, Map.of("one-to-many", Map.of(joinFetch, "authors with their books")));

        String markdown = report.markdown();

        assertThat(markdown).contains("| JOIN FETCH (raw pool) | 1000 µs · 1.00× · 4.00× · 4.00× · 1 KB |");
        assertThat(markdown).contains("| JOIN FETCH (raw pool, no @NaturalId) | 750 µs · 0.75× · 3.00× · 3.00× · 1 KB |");
        assertThat(markdown).contains("| JOIN FETCH (kit) | 1100 µs · 1.10× · 4.00× · 2.00× · 1 KB |");
        assertThat(markdown).contains("| JDBC: authors with their books (kit) | 275 µs · 1.10× · – · – · 1 KB |");
    }

    @Test
    void readsComparedSideBySideAreDividedByTheirFloorInWallTimeCpuAndBytesAndChartedWithALegend() {
        BenchReport report = new BenchReport("h2", "setup", List.of(
                new Measured("reads of p", "peer: x", "raw pool", 10, 300, Double.NaN, "us/op", 4096, 50),
                new Measured("reads of p", "lazy (N+1)", "raw pool", 10, 800, Double.NaN, "us/op", 2048, 40),
                new Measured("reads of p", JDBC + "entities", "raw pool", 10, 100, Double.NaN, "us/op", 1024, 20)),
                List.of(), JDBC, Map.of("p", Map.of("peer: x", "entities", "lazy (N+1)", "entities")))
                .comparing(Map.of("p", List.of(JDBC + "entities", "lazy (N+1)", "peer: x")));

        String markdown = report.markdown();
        String chart = report.charts().get("p");

        assertThat(markdown).contains("| JDBC: entities | 1.00× · 1.00× · 1.00× |",
                "| lazy (N+1) | 8.00× · 2.00× · 2.00× |", "| peer: x | 3.00× · 2.50× · 4.00× |");
        assertThat(chart).startsWith("<svg xmlns=").contains("<text x=\"114\"")
                .contains(">JDBC: entities</text>", ">lazy (N+1)</text>", ">peer: x</text>");
    }
}
