package dev.relmap.release;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What Maven Central asks of a bundle, checked on the zip itself: the main, sources and javadoc
 * jars and the POM of one component at its path; an md5 and a sha1 of each that match it; a POM
 * that names the component and has a name, a description, a url, a license, a developer and an scm;
 * an armored .asc signature of each file when the bundle is meant to be signed; and nothing else,
 * so a stray file of a local repository cannot ride along. Every problem is one message naming the
 * file.
 */
final class CentralBundle {

    private static final List<String> CHECKSUMS = List.of("md5", "sha1");
    private static final Map<String, String> OPTIONAL_CHECKSUMS = Map.of("sha256", "SHA-256", "sha512", "SHA-512");

    private final String groupId;
    private final String artifactId;
    private final String version;

    /** @param coordinates {@code groupId:artifactId:version}, as the build names its project */
    CentralBundle(String coordinates) {
        String[] parts = coordinates.split(":");
        if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("coordinates must be groupId:artifactId:version, was '" + coordinates + "'");
        }
        this.groupId = parts[0];
        this.artifactId = parts[1];
        this.version = parts[2];
    }

    /** The folder of the component inside the bundle, {@code dev/relmap/relmap/0.2.0/}. */
    String folder() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/";
    }

    /** The four files Central requires, by their names in {@link #folder()}. */
    List<String> artifacts() {
        String base = artifactId + "-" + version;
        return List.of(base + ".jar", base + ".pom", base + "-sources.jar", base + "-javadoc.jar");
    }

    /** Every way the bundle at {@code zip} falls short; empty when Central would take it. */
    List<String> problems(Path zip, boolean signed) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile bundle = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : bundle.stream().filter(e -> !e.isDirectory()).toList()) {
                try (InputStream in = bundle.getInputStream(entry)) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return problems(files, signed);
    }

    /** {@link #problems(Path, boolean)} of a bundle's files, by path. */
    List<String> problems(Map<String, byte[]> files, boolean signed) {
        List<String> problems = new ArrayList<>();
        if (version.endsWith("-SNAPSHOT")) {
            problems.add("version " + version + " is a snapshot, which Central does not take in a bundle");
        }
        List<String> expected = new ArrayList<>();
        for (String name : artifacts()) {
            String path = folder() + name;
            byte[] content = files.get(path);
            if (content == null) {
                problems.add(path + " is missing");
                continue;
            }
            expected.add(path);
            List<String> signedFiles = signed ? List.of(path, path + ".asc") : List.of(path);
            for (String file : signedFiles) {
                byte[] bytes = files.get(file);
                if (bytes == null) {
                    problems.add(file + " is missing: the bundle is meant to be signed");
                    continue;
                }
                expected.add(file);
                // Central asks for an md5 and a sha1 of each file, not of its signature.
                boolean required = !file.endsWith(".asc");
                for (String kind : CHECKSUMS) {
                    problems.addAll(checksum(files, file, kind, algorithm(kind), required));
                    expected.add(file + "." + kind);
                }
                OPTIONAL_CHECKSUMS.forEach((kind, algorithm) -> {
                    problems.addAll(checksum(files, file, kind, algorithm, false));
                    expected.add(file + "." + kind);
                });
            }
            if (signed && files.containsKey(path + ".asc")
                    && !new String(files.get(path + ".asc"), StandardCharsets.US_ASCII).startsWith("-----BEGIN PGP SIGNATURE-----")) {
                problems.add(path + ".asc is not an armored PGP signature");
            }
            problems.addAll(content(path, name, content));
        }
        files.keySet().stream()
                .filter(path -> !expected.contains(path))
                .forEach(path -> problems.add(path + " does not belong in the bundle"));
        return problems;
    }

    private static String algorithm(String kind) {
        return kind.equals("md5") ? "MD5" : "SHA-1";
    }

    private static List<String> checksum(Map<String, byte[]> files, String file, String kind, String algorithm, boolean required) {
        byte[] recorded = files.get(file + "." + kind);
        if (recorded == null) {
            return required ? List.of(file + "." + kind + " is missing") : List.of();
        }
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(files.get(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
        String stated = new String(recorded, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
        return stated.equalsIgnoreCase(actual)
                ? List.of()
                : List.of(file + "." + kind + " says " + stated + ", the file's " + kind + " is " + actual);
    }

    /** What each file must hold: classes, sources, an index page, the POM's required elements. */
    private List<String> content(String path, String name, byte[] content) {
        if (name.endsWith(".pom")) {
            return pom(path, content);
        }
        String wanted = name.endsWith("-sources.jar") ? ".java" : name.endsWith("-javadoc.jar") ? "index.html" : ".class";
        try (ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                if (entry.getName().endsWith(wanted)) {
                    return List.of();
                }
            }
            return List.of(path + " holds no " + wanted + " file");
        } catch (IOException e) {
            return List.of(path + " is not a jar: " + e.getMessage());
        }
    }

    private List<String> pom(String path, byte[] content) {
        Element project;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
            project = document.getDocumentElement();
        } catch (Exception e) {
            return List.of(path + " is not XML: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> names = Map.of("groupId", groupId, "artifactId", artifactId, "version", version);
        names.forEach((element, wanted) -> {
            String value = text(project, element);
            if (!wanted.equals(value)) {
                problems.add(path + ": <" + element + "> is '" + value + "', the bundle's path says '" + wanted + "'");
            }
        });
        for (String element : List.of("name", "description", "url", "licenses/license/name", "licenses/license/url",
                "developers/developer/name", "scm/url", "scm/connection", "scm/developerConnection")) {
            String value = text(project, element);
            if (value.isBlank()) {
                problems.add(path + " has no <" + element.replace("/", "><") + ">, which Central requires");
            } else if (value.contains("${")) {
                problems.add(path + ": <" + element.replace("/", "><") + "> is '" + value + "', a property a reader must interpolate");
            }
        }
        return problems;
    }

    /** The text of the first element at {@code path} (names separated by /) below {@code parent}, or "". */
    private static String text(Element parent, String path) {
        Element current = parent;
        for (String name : path.split("/")) {
            current = child(current, name);
            if (current == null) {
                return "";
            }
        }
        return current.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
