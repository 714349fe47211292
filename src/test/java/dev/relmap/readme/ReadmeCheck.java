package dev.relmap.readme;

import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.StrategyTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What keeps the README honest. Three kinds of marker tie it to the code:
 *
 * <ul>
 *   <li>{@code <!-- snippet: src/main/java/dev/relmap/onetomany/Author.java#author-mapping -->},
 *       right before a {@code ```java} block: the block must equal the lines between
 *       {@code // tag::author-mapping[]} and {@code // end::author-mapping[]} in that file, without
 *       tag lines and without their common indentation. A {@code ```java} block without a marker
 *       is an error too, and so is a tagged region in {@code src/main/java} or {@code src/test/java}
 *       that no snippet quotes. A {@code ```xml} block may quote a build file the same way, its
 *       region between {@code <!-- tag::name[] -->} and {@code <!-- end::name[] -->}. Paths are
 *       relative to the project, so they may point into the consumer projects under {@code src/it}.
 *   <li>{@code <!-- strategies: one-to-many -->}, right before a table: the table must be
 *       {@link StrategyTable#markdown} of that pattern, and every pattern must have one.
 *   <li>{@code <!-- figures: one-to-many N=1000 -->}, right before a line of prose: the line must be
 *       {@link #figures} of that pattern at that N, the SELECTs each strategy promises there.
 * </ul>
 */
final class ReadmeCheck {

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
     * @param root the folder snippet paths are relative to: the project's
     * @param patterns the patterns that must each have a strategies table
     */
    ReadmeCheck(Path root, List<MappingPattern> patterns) {
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

    /** Every way {@code readme} differs from the code, one message each; empty when it is current. */
    List<String> problems(String readme) {
        List<String> lines = readme.lines().toList();
        List<String> problems = new ArrayList<>();
        Set<String> tabled = new HashSet<>();
        Set<String> quoted = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            Matcher snippet = SNIPPET.matcher(line);
            Matcher strategies = STRATEGIES.matcher(line);
            Matcher figures = FIGURES.matcher(line);
            if (snippet.matches()) {
                quoted.add(snippet.group(1) + "#" + snippet.group(2));
                checkSnippet(lines, i, snippet.group(1), snippet.group(2)).ifPresent(problems::add);
            } else if (figures.matches()) {
                checkFigures(lines, i, figures.group(1), Integer.parseInt(figures.group(2))).ifPresent(problems::add);
            } else if (strategies.matches()) {
                tabled.add(strategies.group(1));
                checkTable(lines, i, strategies.group(1)).ifPresent(problems::add);
            } else if (line.startsWith("```java") && (i == 0 || !SNIPPET.matcher(lines.get(i - 1).trim()).matches())) {
                problems.add("README line " + (i + 1) + ": a ```java block without a <!-- snippet: PATH#TAG --> "
                        + "line right before it; quote a tagged region of real source instead");
            }
        }
        patterns.stream()
                .filter(pattern -> !tabled.contains(pattern.name()))
                .forEach(pattern -> problems.add("Pattern " + pattern.name() + " has no <!-- strategies: "
                        + pattern.name() + " --> table in the README; add this:\n"
                        + "<!-- strategies: " + pattern.name() + " -->\n" + StrategyTable.markdown(pattern)));
        taggedRegions().stream()
                .filter(region -> !quoted.contains(region))
                .forEach(region -> problems.add("Tagged region " + region + " is quoted by no snippet; quote it"
                        + " with <!-- snippet: " + region + " --> or remove its tag lines"));
        return problems;
    }

    /**
     * Every {@code path#tag} of a {@code // tag::tag[]} line in the Java sources under
     * {@code src/main/java} and {@code src/test/java}, in path order. Lines inside a text block
     * are text, not code: a test may hold a tagged example in one.
     */
    List<String> taggedRegions() {
        List<String> regions = new ArrayList<>();
        for (String folder : List.of("src/main/java", "src/test/java")) {
            Path sources = root.resolve(folder);
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    tagsOutsideTextBlocks(file).forEach(tag -> regions.add(path + "#" + tag));
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
     * {@code readme} with every strategies table and every snippet replaced by what the code says
     * now: what {@code -Drelmap.readme.update=true} writes back before the check runs.
     */
    String rendered(String readme) {
        List<String> lines = new ArrayList<>(readme.lines().toList());
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
        return String.join("\n", out) + (readme.endsWith("\n") ? "\n" : "");
    }

    private Optional<String> checkSnippet(List<String> lines, int marker, String path, String tag) {
        String where = "README line " + (marker + 1) + ", snippet " + path + "#" + tag;
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

    private Optional<String> checkFigures(List<String> lines, int marker, String name, int n) {
        String where = "README line " + (marker + 1) + ", figures of " + name + " at N = " + n;
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

    private Optional<String> checkTable(List<String> lines, int marker, String name) {
        String where = "README line " + (marker + 1) + ", strategies of " + name;
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

    /** Both versions, line by line, marking where they differ: {@code -} the code, {@code +} the README. */
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
        return text.append("  (- is the code, + is the README)").toString();
    }
}
