package dev.relmap.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The release profile's check of the bundle it has just built (mvn -Prelease verify): the bundle's
 * path, its component's coordinates and whether it is meant to be signed come from the build as
 * system properties. Its name keeps it out of the ordinary test run, which builds no bundle; the
 * rules themselves are tested there, in {@link CentralBundleTest}.
 */
@DisplayName("The release bundle")
class ReleaseBundleCheck {

    @Test
    @DisplayName("holds everything Maven Central requires, and nothing else")
    void meetsCentralsRequirements() throws IOException {
        Path bundle = Path.of(required("relmap.bundle"));
        boolean signed = Boolean.parseBoolean(required("relmap.bundle.signed"));
        CentralBundle rules = new CentralBundle(required("relmap.bundle.coordinates"));
        assertThat(bundle).as("the bundle JReleaser builds in the release profile").isRegularFile();

        List<String> problems = rules.problems(bundle, signed);

        assertThat(problems).as(bundle + ":\n" + String.join("\n", problems)).isEmpty();
        System.out.println("release: " + bundle.getFileName() + " (" + Files.size(bundle) + " bytes) holds "
                + String.join(", ", rules.artifacts()) + (signed
                        ? ", each signed, with its checksums"
                        : " with their checksums; not signed: no key configured (-Dgpg.keyname=… or JRELEASER_GPG_SECRET_KEY)"));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: this check runs in mvn -Prelease verify, which sets it");
        }
        return value;
    }
}
