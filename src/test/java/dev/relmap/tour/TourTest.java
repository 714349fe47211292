package dev.relmap.tour;

import static dev.relmap.tour.TourOptionsTest.stream;
import static dev.relmap.tour.TourOptionsTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.Database;
import dev.relmap.catalog.StrategyRun;
import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tour, run for real on the configured database (H2 unless {@code -Drelmap.db} says otherwise).
 * Its table must show what each strategy's formula promises: the same {@link Strategy#selects()}
 * the pattern tests assert through {@code StrategyRun}, so the tour and the tests cannot disagree.
 */
@DisplayName("The tour")
class TourTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Tour tour = new Tour(stream(out), stream(err));
    private final Database database = Database.current();

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("prints, for every strategy, the SELECT count its formula promises, and exits with 0")
    void tableMatchesFormulas(int n) {
        MappingPattern pattern = new TourTestPattern();

        int code = tour.run(options("--n", n, "--no-report"), List.of(pattern));

        assertThat(code).as(text(err)).isEqualTo(Tour.OK);
        Map<String, Map<String, String>> table = table(text(out), pattern);
        for (Strategy strategy : pattern.strategies()) {
            Map<String, String> row = table.get(strategy.name());
            assertThat(row.get("SELECT")).as(strategy.name()).isEqualTo(Integer.toString(strategy.selects().at(n)));
            assertThat(row.get("as promised")).isEqualTo("✓ " + strategy.selects().text());
            assertThat(row.get("INSERT")).isEqualTo("0");
            assertThat(row.get("rows")).isEqualTo(Integer.toString(n * TourTestPattern.ITEMS_PER_SHELF));
        }
        // With one shelf the lazy strategy's single extra SELECT is not yet a repeated shape.
        assertThat(table.get("Lazy").get("flag")).isEqualTo(n > 1 ? "N+1" : "");
        assertThat(table.get("JOIN FETCH").get("flag")).isEmpty();
        // From two shelves on, the batch fetch reads a list of keys, in one round trip up to the batch size.
        assertThat(table.get("Batch fetch").get("flag")).isEqualTo(n > 1 ? "batch" : "");
        assertThat(text(out)).contains("Every strategy issued the SELECTs and read the rows it promises (3 strategies, N = " + n + ")");
    }

    @Test
    @DisplayName("flags a strategy whose SELECTs differ from its promise, and exits with 3")
    void brokenPromise() {
        MappingPattern lyingPattern = new TourTestPattern(CountFormula.constant(1));

        int code = tour.run(options("--n", 10, "--no-report"), List.of(lyingPattern));

        assertThat(code).isEqualTo(Tour.BROKEN_PROMISE);
        assertThat(table(text(out), lyingPattern).get("Lazy"))
                .containsEntry("SELECT", "11")
                .containsEntry("as promised", "✗ expected 1 SELECT");
        assertThat(text(err)).contains("Broken promises (1):\n  Lazy at N = 10: 11 SELECTs, N+1; ✗ expected 1 SELECT\n");
    }

    @Test
    @DisplayName("with --sql prints each strategy's SQL, one formatted statement per shape")
    void printsSql() {
        int code = tour.run(options("--n", 3, "--no-report", "--sql"), List.of(new TourTestPattern()));

        assertThat(code).isEqualTo(Tour.OK);
        assertThat(text(out))
                .contains("-- Lazy: 4 statements (4 SELECT)")
                .contains("-- 3× SELECT in 3 round trips, 3 different parameter sets: N+1")
                .contains("""
                          -- 3× SELECT in 3 round trips, 3 different parameter sets: N+1
                            select
                                i1_0.shelf_id,
                        """);
    }

    @Test
    @DisplayName("prints and reports variants under the pattern they belong to")
    void groupsVariantsUnderTheirPattern(@TempDir Path folder) throws IOException {
        Path report = folder.resolve("report.html");
        List<MappingPattern> variants = List.of(variant("a"), variant("b"), new TourTestPattern());

        int code = tour.run(options("--n", 10, "--report", report), variants);

        assertThat(code).as(text(err)).isEqualTo(Tour.OK);
        String printed = text(out);
        assertThat(printed).contains("N = 10, 2 patterns in 3 variants\n");
        assertThat(printed.indexOf("\n== Shelves (2 variants) ==\n"))
                .isPositive()
                .isLessThan(printed.indexOf("Tour test a"))
                .isEqualTo(printed.lastIndexOf("\n== Shelves"));
        assertThat(printed.indexOf("Tour test b")).isLessThan(printed.indexOf("\n== Tour test: Shelf → Item ==\n"));
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).contains("<li>Shelves<ul>\n<li><a href=\"#tour-test-a\">Tour test a</a></li>\n"
                + "<li><a href=\"#tour-test-b\">Tour test b</a></li>\n</ul></li>",
                "<h2 class=\"family\">Shelves</h2>\n<section id=\"tour-test-a\">");
    }

    /** The test pattern under another name, as one variant of a family called Shelves. */
    private static MappingPattern variant(String suffix) {
        return new TourTestPattern() {
            @Override
            public String name() {
                return "tour-test-" + suffix;
            }

            @Override
            public String title() {
                return "Tour test " + suffix;
            }

            @Override
            public String family() {
                return "Shelves";
            }
        };
    }

    @Test
    @DisplayName("writes a self-contained HTML report with a chart of SELECTs against N = 1, 10, 100, 1000")
    void writesReport(@TempDir Path folder) throws IOException {
        Path report = folder.resolve("nested/report.html");

        int code = tour.run(options("--n", 10, "--report", report), List.of(new TourTestPattern()));

        assertThat(code).as(text(err)).isEqualTo(Tour.OK);
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<section id=\"tour-test\">\n<h3>Tour test: Shelf → Item", "<a href=\"#tour-test\">",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"",
                        "N (roots seeded, log scale)", "data SELECTs (log scale)", "Lazy — 1 + N",
                        "<th>N = 1</th><th>N = 10</th><th>N = 100</th><th>N = 1000</th>",
                        "<td>Lazy</td><td>1 + N</td><td class=\"num\">2</td><td class=\"num\">11</td>"
                                + "<td class=\"num\">101</td><td class=\"num\">1001</td>")
                .doesNotContain("<script", "<link", "src=\"", "url(");
        assertThat(text(out)).contains("Report: " + report);
    }

    @Test
    @DisplayName("names the URL in one line and exits with 1 when the database cannot be reached")
    void unreachableDatabase() {
        String url = database == Database.MARIADB ? "jdbc:mariadb://127.0.0.1:1/test" : "jdbc:postgresql://127.0.0.1:1/test";
        String db = database == Database.MARIADB ? "mariadb" : "postgresql";
        String previous = System.getProperty("relmap.url");
        System.setProperty("relmap.url", url);
        int code;
        try {
            code = tour.run(options("--db", db, "--n", 1, "--no-report"), List.of(new TourTestPattern()));
        } finally {
            restore("relmap.url", previous);
        }

        assertThat(code).isEqualTo(Tour.FAILED);
        assertThat(text(err).lines()).singleElement().asString()
                .startsWith("relmap tour: Cannot use " + db + " at " + url + " as user");
    }

    @Test
    @DisplayName("reports a pattern whose strategy throws, still shows the others, and exits with 1")
    void failingPattern() {
        MappingPattern failing = new TourTestPattern() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public List<Strategy> strategies() {
                return List.of(new Strategy("Broken", "Throws.", CountFormula.constant(1), CountFormula.constant(0),
                        Strategy.NPlusOne.NEVER, em -> {
                    throw new IllegalStateException("no such table");
                }));
            }
        };
        MappingPattern working = new TourTestPattern();

        int code = tour.run(options("--n", 2, "--no-report"), List.of(failing, working));

        assertThat(code).isEqualTo(Tour.FAILED);
        assertThat(text(err))
                .startsWith("\nrelmap tour: pattern failing failed: java.lang.IllegalStateException: no such table\n")
                .endsWith("\nrelmap tour: failing failed\n");
        assertThat(table(text(out), working).get("JOIN FETCH")).containsEntry("SELECT", "1");
    }

    @Test
    @DisplayName("says so, and exits with 0, when no pattern is on the class path")
    void noPattern() {
        int code = tour.run(options("--n", 10), List.of());

        assertThat(code).isEqualTo(Tour.OK);
        assertThat(text(out)).isEqualTo(
                "No pattern is on the class path: register one in META-INF/services/dev.relmap.pattern.MappingPattern\n");
    }

    @Nested
    @DisplayName("over the patterns registered on the class path")
    class RegisteredPatterns {

        @TestFactory
        @DisplayName("shows each one keeping every promise at N = 10")
        Stream<DynamicTest> everyPatternKeepsItsPromises() {
            return MappingPattern.all().stream().map(pattern -> DynamicTest.dynamicTest(pattern.name(), () -> {
                ByteArrayOutputStream patternOut = new ByteArrayOutputStream();
                Tour patternTour = new Tour(stream(patternOut), stream(err));

                int code = patternTour.run(options("--n", 10, "--no-report", "--pattern", pattern.name()), MappingPattern.all());

                assertThat(code).as(text(patternOut) + text(err)).isEqualTo(Tour.OK);
                Map<String, Map<String, String>> table = table(text(patternOut), pattern);
                pattern.strategies().forEach(strategy -> assertThat(table.get(strategy.name()).get("SELECT"))
                        .as(strategy.name()).isEqualTo(Integer.toString(strategy.selects().at(10))));
            }));
        }

        @Test
        @DisplayName("does not include the tour's test pattern")
        void testPatternIsNotRegistered() {
            assertThat(MappingPattern.all()).noneMatch(pattern -> pattern instanceof TourTestPattern);
        }
    }

    private TourOptions options(Object... args) {
        return TourOptions.parse(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    /**
     * The printed table of {@code pattern}: strategy name to column header to cell. Text columns
     * are left-aligned under their header, numbers right-aligned, so each cell is cut at the
     * header's positions.
     */
    static Map<String, Map<String, String>> table(String output, MappingPattern pattern) {
        List<String> lines = output.lines().toList();
        int title = lines.indexOf(lines.stream().filter(line -> line.startsWith(pattern.title())).findFirst()
                .orElseThrow(() -> new AssertionError("No table for " + pattern.title() + " in:\n" + output)));
        String header = lines.get(title + 1);
        List<String> headers = Arrays.stream(header.trim().split(" {2,}")).toList();
        int[] starts = new int[headers.size()];
        for (int c = 0, from = 0; c < headers.size(); c++) {
            starts[c] = header.indexOf(headers.get(c), from);
            from = starts[c] + headers.get(c).length();
        }
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (int i = 0; i < pattern.strategies().size(); i++) {
            String line = lines.get(title + 3 + i);
            Map<String, String> row = new LinkedHashMap<>();
            int cut = 0;
            for (int c = 0; c < headers.size(); c++) {
                boolean text = Set.of("Strategy", "flag", "as promised").contains(headers.get(c));
                int end = !text ? starts[c] + headers.get(c).length()
                        : c + 1 < headers.size() ? starts[c + 1] : line.length();
                row.put(headers.get(c), line.substring(Math.min(cut, line.length()), Math.min(end, line.length())).trim());
                cut = end;
            }
            table.put(row.get("Strategy"), row);
        }
        return table;
    }
}
