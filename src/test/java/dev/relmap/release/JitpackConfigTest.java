package dev.relmap.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What can be checked here of the build JitPack runs from a tag (it cannot be run here: no network
 * reaches JitPack): {@code jitpack.yml} pins the JDK the pom compiles for, and installs the way the
 * docs tell a reader to.
 */
@DisplayName("jitpack.yml")
class JitpackConfigTest {

    @Test
    @DisplayName("pins the JDK the pom compiles for, and installs skipping the tests")
    void pinsTheJdkAndInstalls() throws IOException {
        String jitpack = Files.readString(Path.of("jitpack.yml"), StandardCharsets.UTF_8);
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>").matcher(pom);
        assertThat(release.find()).as("maven.compiler.release in pom.xml").isTrue();

        assertThat(jitpack).containsPattern("(?m)^jdk:\\n\\s+- openjdk" + release.group(1) + "$")
                .containsPattern("(?m)^install:\\n\\s+- mvn .*install -DskipTests$");
    }
}
