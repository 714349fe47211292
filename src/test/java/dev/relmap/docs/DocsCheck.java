package dev.relmap.docs;

import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.StrategyTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What keeps the documentation honest: the README and every Markdown page under {@code docs/},
 * checked together. Three kinds of marker tie a page to the code:
 *
 * <ul>
 *   <li>{@code <!-- snippet: src/main/java/dev/relmap/onetomany/Author.java#author-mapping -->},
 *       right before a {@code ```java} block: the block must equal the lines between
 *       {@code // tag::author-mapping[]} and {@code // end::author-mapping[]} in that file, without
 *       tag lines and without their common indentation. A {@code ```java} block without a marker
 *       is an error too, and so is a tagged region that no snippet on any page quotes: in
 *       {@code src/main/java}, {@code src/test/java} or the consumer projects under {@code src/it}
 *       (their Java sources and build files). A {@code ```xml} block may quote a build file the same
 *       way, its region between {@code <!-- tag::name[] -->} and {@code <!-- end::name[] -->}.
 *       Paths are relative to the project, whichever page quotes them.
 *   <li>{@code <!-- strategies: one-to-many -->}, right before a table: the table must be
 *       {@link StrategyTable#markdown} of that pattern, and every pattern must have one on some page.
 *   <li>{@code <!-- figures: one-to-many N=1000 -->}, right before a line of prose: the line must be
 *       {@link #figures} of that pattern at that N, the SELECTs each strategy promises there.
 * </ul>
 *
 * Every message names the page and the line, {@code docs/one-to-many.md line 12}.
 */
final class DocsCheck {

    /** The page every reader starts from; the others are under {@link #DOCS}. */
    static final String README = "README.md";
    /** The folder of the other pages, each a {@code .md} file directly in it. */
    static final String DOCS = "docs";
    /** Where tagged regions are looked for, and which files there can hold them. */
    private static final List<String> TAGGED_FOLDERS = List.of("src/main/java", "src/test/java", "src/it");
    private static final Pattern TAGGED_FILE = Pattern.compile(".*\\.java|.*/pom\\.xml");

    private static final Pattern SNIPPET =
            Pattern.compile("<!--\\s*snippet:\\s*(\\S+?)#(\\S+)\\s*-->");
    private static final Pattern STRATEGIES =
            Pattern.compile("<!--\\s*strategies:\\s*(\\S+)\\s*-->");
    private static final Pattern FIGURES =
            Pattern.compile("<!--\\s*figures:\\s*(\\S+)\\s+N\\s*=\\s*(\\d+)\\s*-->");
    /** Three double quotes not escaped by a backslash: where a text block opens or closes. */
    private static final Pattern TEXT_BLOCK_DELIMITER =
            Pattern.compile("(?<!\\\\)\"{3}");
    private static final Pattern TAG_LINE =
            Pattern.compile("^\\s*(?://|<!--)\\s*(tag|end)::([\\w.-]+)\\[]\\s*(?:-->)?\\s*$");
    /** The code blocks a snippet marker may precede: Java, and XML for build files. */
    private static final Pattern QUOTED_BLOCK = Pattern.compile("```(java|xml)");

    private final Path root;
    private final List<MappingPattern> patterns;

    /**
     * @param root the folder snippet paths and pages are relative to: the project's
     * @param patterns the patterns that must each have a strategies table
     */
    DocsCheck(Path root, List<MappingPattern> patterns) {
        this.root = root;
        this.patterns = patterns;
    }

    /**
     * The sentence a figures marker stands for: the SELECTs each of {@code pattern}'s strategies
     * promises at {@code n}, in the order of its table. {@code PatternContractTest} measures every
     * one of them at N = 1, 10 and 1000 on each database the build runs on.
     */
    static String figures(MappingPattern pattern, int n) {
        return "At N = " + n + ", in the table's order: "
                + pattern.strategies().stream()
                        .map(strategy -> Integer.toString(strategy.selects().at(n)))
                        .collect(Collectors.joining(", "))
                + " SELECTs, measured on H2, PostgreSQL and MariaDB alike.";
    }

    /**
     * The pages, as they are on disk: {@value #README}, then every {@code .md} file in
     * {@value #DOCS} by name; keys are paths relative to the project, with {@code /}.
     */
    Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        try {
            pages.put(README, Files.readString(root.resolve(README), StandardCharsets.UTF_8));
            Path docs = root.resolve(DOCS);
            if (Files.isDirectory(docs)) {
                try (Stream<Path> files = Files.list(docs)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                        pages.put(DOCS + "/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /**
     * Rewrites every page on disk with its strategies tables, figures and snippets as the code says
     * now ({@link #rendered}), and returns the pages as written: what
     * {@code -Drelmap.readme.update=true} does before the check runs.
     */
    Map<String, String> updatePages() {
        Map<String, String> pages = pages();
        pages.replaceAll((page, text) -> rendered(text));
        try {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Files.writeString(root.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** Every way one page, {@value #README}, differs from the code: {@link #problems(Map)} of it alone. */
    List<String> problems(String readme) {
        return problems(Map.of(README, readme));
    }

    /**
     * Every way {@code pages} (path to text) differ from the code, one message each; empty when they
     * are current. A strategies table or a quote on any page counts for all of them.
     */
    List<String> problems(Map<String, String> pages) {
        List<String> problems = new ArrayList<>();
        Set<String> tabled = new HashSet<>();
        Set<String> quoted = new HashSet<>();
        pages.forEach((page, text) -> problems.addAll(problems(page, text, tabled, quoted)));
        patterns.stream()
                .filter(pattern -> !tabled.contains(pattern.name()))
                .forEach(pattern -> problems.add("Pattern " + pattern.name() + " has no <!-- strategies: "
                        + pattern.name() + " --> table on any page (" + String.join(", ", pages.keySet())
                        + "); add this to its page:\n"
                        + "<!-- strategies: " + pattern.name() + " -->\n" + StrategyTable.markdown(pattern)));
        taggedRegions().stream()
                .filter(region -> !quoted.contains(region))
                .forEach(region -> problems.add("Tagged region " + region + " is quoted by no snippet on any page;"
                        + " quote it with <!-- snippet: " + region + " --> or remove its tag lines"));
        return problems;
    }

    private List<String> problems(String page, String text, Set<String> tabled, Set<String> quoted) {
        List<String> lines = text.lines().toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            Matcher snippet = SNIPPET.matcher(line);
            Matcher strategies = STRATEGIES.matcher(line);
            Matcher figures = FIGURES.matcher(line);
            if (snippet.matches()) {
                quoted.add(snippet.group(1) + "#" + snippet.group(2));
                checkSnippet(page, lines, i, snippet.group(1), snippet.group(2)).ifPresent(problems::add);
            } else if (figures.matches()) {
                checkFigures(page, lines, i, figures.group(1), Integer.parseInt(figures.group(2))).ifPresent(problems::add);
            } else if (strategies.matches()) {
                tabled.add(strategies.group(1));
                checkTable(page, lines, i, strategies.group(1)).ifPresent(problems::add);
            } else if (line.startsWith("```java") && (i == 0 || !SNIPPET.matcher(lines.get(i - 1).trim()).matches())) {
                problems.add(page + " line " + (i + 1) + ": a ```java block without a <!-- snippet: PATH#TAG --> "
                        + "line right before it; quote a tagged region of real source instead");
            }
        }
        return problems;
    }

    /**
     * Every {@code path#tag} of a {@code // tag::tag[]} (or {@code <!-- tag::tag[] -->}) line in the
     * Java sources under {@code src/main/java} and {@code src/test/java} and in the consumer
     * projects under {@code src/it} (Java sources and {@code pom.xml}), in path order. Lines inside a
     * Java text block are text, not code: a test may hold a tagged example in one.
     */
    List<String> taggedRegions() {
        List<String> regions = new ArrayList<>();
        for (String folder : TAGGED_FOLDERS) {
            Path sources = root.resolve(folder);
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    if (TAGGED_FILE.matcher(path).matches()) {
                        tagsOutsideTextBlocks(file).forEach(tag -> regions.add(path + "#" + tag));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return regions;
    }

    private static List<String> tagsOutsideTextBlocks(Path file) throws IOException {
        List<String> tags = new ArrayList<>();
        boolean inTextBlock = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher tag = TAG_LINE.matcher(line);
            if (!inTextBlock && tag.matches() && tag.group(1).equals("tag")) {
                tags.add(tag.group(2));
            }
            if (TEXT_BLOCK_DELIMITER.matcher(line).results().count() % 2 == 1) {
                inTextBlock = !inTextBlock;
            }
        }
        return tags;
    }

    /**
     * {@code page} with every strategies table, figures line and snippet replaced by what the code
     * says now: what {@link #updatePages} writes back.
     */
    String rendered(String page) {
        List<String> lines = new ArrayList<>(page.lines().toList());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(line);
            Matcher snippet = SNIPPET.matcher(line.trim());
            Matcher strategies = STRATEGIES.matcher(line.trim());
            Matcher figures = FIGURES.matcher(line.trim());
            if (figures.matches() && i + 1 < lines.size()) {
                Optional<MappingPattern> pattern = pattern(figures.group(1));
                if (pattern.isPresent()) {
                    out.add(figures(pattern.get(), Integer.parseInt(figures.group(2))));
                    i++;
                }
            } else if (strategies.matches()) {
                Optional<MappingPattern> pattern = patterns.stream()
                        .filter(p -> p.name().equals(strategies.group(1))).findFirst();
                if (pattern.isPresent()) {
                    out.addAll(StrategyTable.markdown(pattern.get()).lines().toList());
                    while (i + 1 < lines.size() && lines.get(i + 1).trim().startsWith("|")) {
                        i++;
                    }
                }
            } else if (snippet.matches() && i + 1 < lines.size()
                    && QUOTED_BLOCK.matcher(lines.get(i + 1).trim()).matches()) {
                List<String> source;
                try {
                    source = region(root.resolve(snippet.group(1)), snippet.group(2));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                int close = i + 2;
                while (close < lines.size() && !lines.get(close).trim().equals("```")) {
                    close++;
                }
                if (close < lines.size()) {
                    out.add(lines.get(i + 1).trim());
                    out.addAll(source);
                    out.add("```");
                    i = close;
                }
            }
        }
        return String.join("\n", out) + (page.endsWith("\n") ? "\n" : "");
    }

    private Optional<String> checkSnippet(String page, List<String> lines, int marker, String path, String tag) {
        String where = page + " line " + (marker + 1) + ", snippet " + path + "#" + tag;
        if (marker + 1 >= lines.size() || !QUOTED_BLOCK.matcher(lines.get(marker + 1).trim()).matches()) {
            return Optional.of(where + ": the next line must open a ```java or ```xml block");
        }
        int close = marker + 2;
        while (close < lines.size() && !lines.get(close).trim().equals("```")) {
            close++;
        }
        if (close == lines.size()) {
            return Optional.of(where + ": the ```java block is never closed");
        }
        List<String> shown = lines.subList(marker + 2, close).stream().map(String::stripTrailing).toList();
        List<String> source;
        try {
            source = region(root.resolve(path), tag);
        } catch (IllegalArgumentException e) {
            return Optional.of(where + ": " + e.getMessage());
        }
        return shown.equals(source) ? Optional.empty() : Optional.of(where + " is stale:\n" + diff(source, shown));
    }

    private Optional<String> checkFigures(String page, List<String> lines, int marker, String name, int n) {
        String where = page + " line " + (marker + 1) + ", figures of " + name + " at N = " + n;
        Optional<MappingPattern> pattern = pattern(name);
        if (pattern.isEmpty()) {
            return Optional.of(where + ": no such pattern; registered are "
                    + patterns.stream().map(MappingPattern::name).collect(Collectors.joining(", ")));
        }
        String expected = figures(pattern.get(), n);
        String shown = marker + 1 < lines.size() ? lines.get(marker + 1).strip() : "";
        return shown.equals(expected) ? Optional.empty()
                : Optional.of(where + " is stale:\n" + diff(List.of(expected), List.of(shown)));
    }

    private Optional<MappingPattern> pattern(String name) {
        return patterns.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private Optional<String> checkTable(String page, List<String> lines, int marker, String name) {
        String where = page + " line " + (marker + 1) + ", strategies of " + name;
        Optional<MappingPattern> pattern = patterns.stream().filter(p -> p.name().equals(name)).findFirst();
        if (pattern.isEmpty()) {
            return Optional.of(where + ": no such pattern; registered are "
                    + patterns.stream().map(MappingPattern::name).collect(Collectors.joining(", ")));
        }
        List<String> shown = new ArrayList<>();
        for (int i = marker + 1; i < lines.size() && lines.get(i).trim().startsWith("|"); i++) {
            shown.add(lines.get(i).strip());
        }
        List<String> expected = StrategyTable.markdown(pattern.get()).lines().toList();
        return shown.equals(expected) ? Optional.empty() : Optional.of(where + " is stale:\n" + diff(expected, shown));
    }

    /**
     * The lines between {@code // tag::TAG[]} and {@code // end::TAG[]}, without any tag lines
     * (regions may nest), trailing spaces or their common indentation.
     */
    static List<String> region(Path file, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = indexOfTag(lines, "tag", tag, 0);
        int end = start < 0 ? -1 : indexOfTag(lines, "end", tag, start);
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("no region // tag::" + tag + "[] ... // end::" + tag + "[] in " + file);
        }
        List<String> region = lines.subList(start + 1, end).stream()
                .filter(line -> !TAG_LINE.matcher(line).matches())
                .map(String::stripTrailing)
                .toList();
        int indent = region.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return region.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
    }

    private static int indexOfTag(List<String> lines, String kind, String tag, int from) {
        for (int i = from; i < lines.size(); i++) {
            Matcher matcher = TAG_LINE.matcher(lines.get(i));
            if (matcher.matches() && matcher.group(1).equals(kind) && matcher.group(2).equals(tag)) {
                return i;
            }
        }
        return -1;
    }

    /** Both versions, line by line, marking where they differ: {@code -} the code, {@code +} the page. */
    static String diff(List<String> expected, List<String> actual) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : null;
            String have = i < actual.size() ? actual.get(i) : null;
            if (want != null && want.equals(have)) {
                text.append("    ").append(want).append('\n');
                continue;
            }
            if (want != null) {
                text.append("  - ").append(want).append('\n');
            }
            if (have != null) {
                text.append("  + ").append(have).append('\n');
            }
        }
        return text.append("  (- is the code, + is the page)").toString();
    }
}
