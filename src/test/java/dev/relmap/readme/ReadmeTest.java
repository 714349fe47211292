package dev.relmap.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.pattern.MappingPattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README as it is: what {@link ReadmeCheck} finds in it, and the switch that rewrites it. */
@DisplayName("The README")
class ReadmeTest {

    @Test
    @DisplayName("quotes the code as it is, quotes every tagged region, and has every pattern's table and figures as rendered")
    void matchesTheCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        ReadmeCheck check = new ReadmeCheck(Path.of(""), MappingPattern.all());
        if (Boolean.getBoolean("relmap.readme.update")) {
            // mvn test -Dtest=ReadmeTest -Drelmap.readme.update=true rewrites the tables, figures and snippets.
            readme = check.rendered(readme);
            Files.writeString(Path.of("README.md"), readme, StandardCharsets.UTF_8);
        }

        List<String> problems = check.problems(readme);

        assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    }
}
