package dev.relmap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A benchmark group's JVM")
class GroupJvmTest {

    @Test
    @DisplayName("hands back its results and notes unchanged: tabs, newlines, backslashes and NaN included")
    void resultsSurviveTheFile(@TempDir Path directory) throws Exception {
        List<Measured> measured = List.of(
                new Measured("reads of one-to-many", "JOIN FETCH", "raw pool", 10000, 1234.5678901234, 12.25,
                        "us/op", 3.8e7, 335.7),
                new Measured("kit", "a\tb\\n\nc\\", "", 0, 0.1, Double.NaN, "ns/op", Double.NaN, Double.NaN));
        List<String> notes = List.of("writes: H2 has no driver batch rewriting to compare.", "two\nlines\tand a \\t");
        Path file = directory.resolve("group.tsv");

        GroupJvm.write(file, measured, notes);
        GroupJvm.Results read = GroupJvm.read(file);

        assertThat(read.measured()).isEqualTo(measured);
        assertThat(read.notes()).isEqualTo(notes);
    }
}
