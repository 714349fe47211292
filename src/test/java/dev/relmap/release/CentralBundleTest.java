package dev.relmap.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules {@link ReleaseBundleCheck} holds the real bundle to, each shown to catch what it is
 * for: a bundle built here in memory, whole, and then with one thing wrong at a time.
 */
@DisplayName("The Central bundle check")
class CentralBundleTest {

    private static final String FOLDER = "dev/relmap/relmap/0.2.0/";
    private static final String POM = """
            <project>
              <groupId>dev.relmap</groupId>
              <artifactId>relmap</artifactId>
              <version>0.2.0</version>
              <name>relmap</name>
              <description>Mappings, counted.</description>
              <url>https://example.org/relmap</url>
              <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0</url></license></licenses>
              <developers><developer><name>The relmap maintainers</name></developer></developers>
              <scm>
                <url>https://example.org/relmap</url>
                <connection>scm:git:https://example.org/relmap.git</connection>
                <developerConnection>scm:git:https://example.org/relmap.git</developerConnection>
              </scm>
            </project>
            """;

    private final CentralBundle rules = new CentralBundle("dev.relmap:relmap:0.2.0");

    @Test
    @DisplayName("passes a whole bundle, unsigned or signed, read from its zip")
    void passesAWholeBundle(@TempDir Path dir) throws IOException {
        Path unsigned = zip(dir.resolve("unsigned.zip"), bundle(POM, false));
        Path signed = zip(dir.resolve("signed.zip"), bundle(POM, true));

        assertThat(rules.problems(unsigned, false)).isEmpty();
        assertThat(rules.problems(signed, true)).isEmpty();
    }

    @Nested
    @DisplayName("names what is wrong with")
    class Fails {

        @Test
        @DisplayName("a jar that is missing")
        void missingJar() {
            Map<String, byte[]> files = bundle(POM, false);
            files.keySet().removeIf(path -> path.startsWith(FOLDER + "relmap-0.2.0-sources.jar"));

            assertThat(rules.problems(files, false)).containsExactly(FOLDER + "relmap-0.2.0-sources.jar is missing");
        }

        @Test
        @DisplayName("a checksum that is missing or does not match its file")
        void checksums() {
            Map<String, byte[]> files = bundle(POM, false);
            files.remove(FOLDER + "relmap-0.2.0.pom.sha1");
            files.put(FOLDER + "relmap-0.2.0-javadoc.jar.md5", "0123".getBytes(StandardCharsets.US_ASCII));

            assertThat(rules.problems(files, false)).hasSize(2)
                    .anySatisfy(p -> assertThat(p).isEqualTo(FOLDER + "relmap-0.2.0.pom.sha1 is missing"))
                    .anySatisfy(p -> assertThat(p).startsWith(FOLDER + "relmap-0.2.0-javadoc.jar.md5 says 0123, the file's md5 is "));
        }

        @Test
        @DisplayName("a POM without an scm, a developer or a license, or with a property left in it")
        void pomElements() {
            String pom = POM.replaceAll("(?s)<scm>.*</scm>", "")
                    .replaceAll("(?s)<developers>.*</developers>", "")
                    .replace("<url>https://www.apache.org/licenses/LICENSE-2.0</url>", "")
                    .replace("<url>https://example.org/relmap</url>\n  <licenses>", "<url>${relmap.site}</url>\n  <licenses>");

            assertThat(rules.problems(bundle(pom, false), false)).containsExactlyInAnyOrder(
                    FOLDER + "relmap-0.2.0.pom: <url> is '${relmap.site}', a property a reader must interpolate",
                    FOLDER + "relmap-0.2.0.pom has no <licenses><license><url>, which Central requires",
                    FOLDER + "relmap-0.2.0.pom has no <developers><developer><name>, which Central requires",
                    FOLDER + "relmap-0.2.0.pom has no <scm><url>, which Central requires",
                    FOLDER + "relmap-0.2.0.pom has no <scm><connection>, which Central requires",
                    FOLDER + "relmap-0.2.0.pom has no <scm><developerConnection>, which Central requires");
        }

        @Test
        @DisplayName("a POM whose coordinates are not the bundle's")
        void pomCoordinates() {
            String pom = POM.replace("<version>0.2.0</version>", "<version>0.1.0</version>");

            assertThat(rules.problems(bundle(pom, false), false))
                    .containsExactly(FOLDER + "relmap-0.2.0.pom: <version> is '0.1.0', the bundle's path says '0.2.0'");
        }

        @Test
        @DisplayName("a signature that is missing, or not one, when the bundle is meant to be signed")
        void signatures() {
            Map<String, byte[]> files = bundle(POM, true);
            files.keySet().removeIf(path -> path.startsWith(FOLDER + "relmap-0.2.0.jar.asc"));
            files.put(FOLDER + "relmap-0.2.0.pom.asc", "not a signature".getBytes(StandardCharsets.US_ASCII));
            addChecksums(files, FOLDER + "relmap-0.2.0.pom.asc");

            assertThat(rules.problems(files, true)).containsExactlyInAnyOrder(
                    FOLDER + "relmap-0.2.0.jar.asc is missing: the bundle is meant to be signed",
                    FOLDER + "relmap-0.2.0.pom.asc is not an armored PGP signature");
        }

        @Test
        @DisplayName("a jar without what it is for: classes, sources, an index page")
        void jarContents() {
            Map<String, byte[]> files = bundle(POM, false);
            files.put(FOLDER + "relmap-0.2.0-javadoc.jar", jar("README.txt"));
            addChecksums(files, FOLDER + "relmap-0.2.0-javadoc.jar");

            assertThat(rules.problems(files, false)).containsExactly(FOLDER + "relmap-0.2.0-javadoc.jar holds no index.html file");
        }

        @Test
        @DisplayName("a file a local repository leaves behind")
        void strayFiles() {
            Map<String, byte[]> files = bundle(POM, false);
            files.put(FOLDER + "_remote.repositories", new byte[1]);
            files.put("dev/relmap/relmap/maven-metadata-local.xml", new byte[1]);

            assertThat(rules.problems(files, false)).containsExactly(
                    FOLDER + "_remote.repositories does not belong in the bundle",
                    "dev/relmap/relmap/maven-metadata-local.xml does not belong in the bundle");
        }

        @Test
        @DisplayName("a snapshot version")
        void snapshot() {
            CentralBundle snapshot = new CentralBundle("dev.relmap:relmap:0.3.0-SNAPSHOT");

            assertThat(snapshot.problems(Map.of(), false)).first()
                    .isEqualTo("version 0.3.0-SNAPSHOT is a snapshot, which Central does not take in a bundle");
        }
    }

    @Test
    @DisplayName("refuses coordinates that are not groupId:artifactId:version, naming them")
    void refusesBadCoordinates() {
        assertThatThrownBy(() -> new CentralBundle("dev.relmap:relmap"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("coordinates must be groupId:artifactId:version, was 'dev.relmap:relmap'");
    }

    /** A whole bundle: the four files, their md5, sha1, sha256 and sha512, and their signatures if {@code signed}. */
    private static Map<String, byte[]> bundle(String pom, boolean signed) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(FOLDER + "relmap-0.2.0.jar", jar("dev/relmap/sqlcount/SqlCount.class"));
        files.put(FOLDER + "relmap-0.2.0.pom", pom.getBytes(StandardCharsets.UTF_8));
        files.put(FOLDER + "relmap-0.2.0-sources.jar", jar("dev/relmap/sqlcount/SqlCount.java"));
        files.put(FOLDER + "relmap-0.2.0-javadoc.jar", jar("index.html"));
        for (String path : Map.copyOf(files).keySet()) {
            addChecksums(files, path);
            if (signed) {
                files.put(path + ".asc", "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n".getBytes(StandardCharsets.US_ASCII));
                addChecksums(files, path + ".asc");
            }
        }
        return files;
    }

    private static void addChecksums(Map<String, byte[]> files, String path) {
        Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512").forEach((kind, algorithm) -> {
            try {
                String hex = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(files.get(path)));
                files.put(path + "." + kind, hex.getBytes(StandardCharsets.US_ASCII));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static byte[] jar(String entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(bytes)) {
            jar.putNextEntry(new ZipEntry(entry));
            jar.write(1);
            jar.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static Path zip(Path target, Map<String, byte[]> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }
}
