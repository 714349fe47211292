package dev.relmap.tour;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chromium without a window, as the report's layout check drives it: it opens a copy of the
 * report with {@code layout-probe.js} appended and prints the DOM after the probe ran
 * ({@code --dump-dom}). Found on the {@code PATH} as {@code chromium} (Debian's package),
 * {@code chromium-browser} or {@code google-chrome}.
 */
final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final Pattern LAYOUT = Pattern.compile(
            "<pre id=\"layout\">scrollWidth=(\\d+) clientWidth=(\\d+)(.*?)</pre>", Pattern.DOTALL);

    /** What the probe measured: the page's width against the window's, and what sticks out. */
    record Layout(int scrollWidth, int clientWidth, String overflowing) {

        boolean scrollsSideways() {
            return scrollWidth > clientWidth;
        }
    }

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The first Chromium on the {@code PATH}, if any. */
    static Optional<HeadlessChromium> find() {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .flatMap(folder -> NAMES.stream().map(name -> Path.of(folder, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .map(HeadlessChromium::new);
    }

    /**
     * Opens {@code report} in a window {@code width} px wide and measures it. The copy with the
     * probe and Chromium's profile live in {@code folder}; a profile of its own keeps runs that
     * overlap on one machine from sharing a profile lock.
     */
    Layout measure(Path report, int width, Path folder) throws IOException, InterruptedException {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        String probed = html.replace("</body>", "<script>\n" + probe() + "</script>\n</body>");
        Path page = Files.writeString(folder.resolve("probed-" + report.getFileName()), probed, StandardCharsets.UTF_8);
        Path output = folder.resolve("dom.html");
        Process chromium = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + folder.resolve("profile"), "--window-size=" + width + ",800", "--dump-dom",
                page.toUri().toString())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException(executable + " did not finish rendering " + page + " within 90 s");
        }
        String dom = Files.readString(output, StandardCharsets.UTF_8);
        Matcher layout = LAYOUT.matcher(dom);
        if (!layout.find()) {
            throw new IllegalStateException(executable + " exited with " + chromium.exitValue()
                    + " and printed no layout for " + page + ":\n" + dom);
        }
        String overflowing = layout.group(3).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return new Layout(Integer.parseInt(layout.group(1)), Integer.parseInt(layout.group(2)), overflowing);
    }

    private static String probe() throws IOException {
        try (InputStream probe = HeadlessChromium.class.getResourceAsStream("layout-probe.js")) {
            return new String(Objects.requireNonNull(probe, "layout-probe.js").readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return executable.toString();
    }
}
