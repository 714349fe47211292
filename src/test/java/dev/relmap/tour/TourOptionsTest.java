package dev.relmap.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The tour's command line")
class TourOptionsTest {

    @Test
    @DisplayName("without options runs every pattern at N = 1000 on the configured database and writes the report")
    void defaults() {
        TourOptions options = TourOptions.parse();

        assertThat(options.database()).isEqualTo(Database.current());
        assertThat(options.n()).isEqualTo(1000);
        assertThat(options.patterns()).isEmpty();
        assertThat(options.sql()).isFalse();
        assertThat(options.report()).contains(Path.of("target", "relmap-report.html"));
        assertThat(options.help()).isFalse();
    }

    @Test
    @DisplayName("takes the database, N, patterns (repeated or comma-separated), --sql and a report path")
    void everyOption() {
        TourOptions options = TourOptions.parse(
                "--db", "postgresql", "--n", "100", "--pattern", "one-to-many,many-to-many",
                "--pattern", "enrollment", "--sql", "--report", "out/report.html");

        assertThat(options.database()).isEqualTo(Database.POSTGRESQL);
        assertThat(options.n()).isEqualTo(100);
        assertThat(options.patterns()).containsExactly("one-to-many", "many-to-many", "enrollment");
        assertThat(options.sql()).isTrue();
        assertThat(options.report()).contains(Path.of("out/report.html"));
    }

    @Test
    @DisplayName("accepts --option=value as well as --option value")
    void equalsForm() {
        TourOptions options = TourOptions.parse("--db=mariadb", "--n=7", "--no-report");

        assertThat(options.database()).isEqualTo(Database.MARIADB);
        assertThat(options.n()).isEqualTo(7);
        assertThat(options.report()).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("--db wins over a bad relmap.db / RELMAP_DB, which is read only when --db is not given")
    void commandLineWinsOverABadDefault() {
        String configured = System.getProperty("relmap.db");
        System.setProperty("relmap.db", "oracle");
        try {
            assertThat(TourOptions.parse("--db", "mariadb").database()).isEqualTo(Database.MARIADB);
            assertThatThrownBy(TourOptions::parse)
                    .isInstanceOf(TourOptions.UsageException.class)
                    .hasMessageContaining("'oracle'")
                    .hasMessageEndingWith("(from relmap.db / RELMAP_DB)");
        } finally {
            if (configured == null) {
                System.clearProperty("relmap.db");
            } else {
                System.setProperty("relmap.db", configured);
            }
        }
    }

    @Nested
    @DisplayName("rejects with a message naming the bad value")
    class Errors {

        @Test
        void unknownOption() {
            assertThatThrownBy(() -> TourOptions.parse("--fast"))
                    .isInstanceOf(TourOptions.UsageException.class)
                    .hasMessage("Unknown option '--fast'");
        }

        @Test
        void unknownDatabase() {
            assertThatThrownBy(() -> TourOptions.parse("--db", "oracle"))
                    .isInstanceOf(TourOptions.UsageException.class)
                    .hasMessage("Unknown database 'oracle': expected one of h2, postgresql, mariadb");
        }

        @ParameterizedTest(name = "--n {0}")
        @ValueSource(strings = {"0", "-5", "ten", "100001"})
        void badSize(String n) {
            assertThatThrownBy(() -> TourOptions.parse("--n", n))
                    .isInstanceOf(TourOptions.UsageException.class)
                    .hasMessage("Bad --n '" + n + "': expected a whole number from 1 to 100000");
        }

        @Test
        void missingValue() {
            assertThatThrownBy(() -> TourOptions.parse("--n", "--sql"))
                    .isInstanceOf(TourOptions.UsageException.class)
                    .hasMessage("Option --n needs a value");
        }
    }

    @Nested
    @DisplayName("as run by the tour")
    class ExitCodes {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Tour tour = new Tour(stream(out), stream(err));

        @Test
        @DisplayName("an unknown option prints one line and the usage on stderr, and exits with 2")
        void unknownOption() {
            int code = tour.run("--fast");

            assertThat(code).isEqualTo(Tour.USAGE);
            assertThat(text(err)).startsWith("relmap tour: Unknown option '--fast'\nUsage: ");
            assertThat(text(out)).isEmpty();
        }

        @Test
        @DisplayName("an unknown pattern is named with the ones there are, and exits with 2")
        void unknownPattern() {
            int code = tour.run(TourOptions.parse("--pattern", "tour-test,one-to-nine"), List.of(new TourTestPattern()));

            assertThat(code).isEqualTo(Tour.USAGE);
            assertThat(text(err).lines().findFirst()).contains(
                    "relmap tour: Unknown pattern 'one-to-nine': expected one of tour-test");
            assertThat(text(err)).contains("Usage: ");
            assertThat(text(out)).isEmpty();
        }

        @Test
        @DisplayName("--help prints the usage on stdout and exits with 0")
        void help() {
            int code = tour.run("--help");

            assertThat(code).isEqualTo(Tour.OK);
            assertThat(text(out)).isEqualTo(TourOptions.USAGE).contains("--db h2|postgresql|mariadb");
            assertThat(text(err)).isEmpty();
        }
    }

    static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
