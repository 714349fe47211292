package dev.relmap.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report the tour cannot write is found out before minutes of measuring, not after. */
@DisplayName("The tour's --report PATH")
class TourReportPathTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Tour tour = new Tour(stream(out), stream(err));

    @TempDir
    Path folder;

    @Test
    @DisplayName("under a plain file is refused in one line before anything is measured, exit 1")
    void folderIsAFile() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.txt"), "not a folder");
        Path report = file.resolve("report.html");

        int code = tour.run(TourOptions.parse("--n", "2", "--report", report.toString()), List.of(new TourTestPattern()));

        assertThat(code).isEqualTo(Tour.FAILED);
        assertThat(text(err).lines()).singleElement().asString()
                .startsWith("relmap tour: cannot write the report to " + report + ": its folder cannot be created")
                .endsWith("(give another --report PATH, or --no-report)");
        assertThat(text(out)).as("nothing measured").isEmpty();
    }

    @Test
    @DisplayName("naming a directory is refused before anything is measured, exit 1")
    void pathIsADirectory() {
        int code = tour.run(TourOptions.parse("--n", "2", "--report", folder.toString()), List.of(new TourTestPattern()));

        assertThat(code).isEqualTo(Tour.FAILED);
        assertThat(text(err)).startsWith("relmap tour: cannot write the report to " + folder + ": it is a directory");
        assertThat(text(out)).isEmpty();
    }

    @Test
    @DisplayName("in a folder that does not exist yet is written there, exit 0")
    void newFolderIsCreated() {
        Path report = folder.resolve("deeper/still/report.html");

        int code = tour.run(TourOptions.parse("--n", "2", "--report", report.toString()), List.of(new TourTestPattern()));

        assertThat(code).isEqualTo(Tour.OK);
        assertThat(report).isRegularFile();
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
