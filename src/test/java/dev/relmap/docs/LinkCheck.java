package dev.relmap.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown pages, followed: {@code [text](docs/one-to-many.md)} must name a
 * file or folder that exists, relative to the page that links; {@code [text](one-to-one.md#writes)}
 * and {@code [text](#writes)} must also name a heading of that page. External links
 * ({@code https:}, {@code mailto:}) are not followed, nor links inside code blocks or code spans.
 *
 * <p>A heading's anchor is GitHub's: the heading's text (a link's text only, code spans without their
 * backticks), lowercased, every character removed that is not a letter, a digit, a space, {@code -}
 * or {@code _}, and each space turned into {@code -}; a second heading of the same anchor gets
 * {@code -1}, a third {@code -2}. So {@code ## One-to-many: Author → Book} is
 * {@code #one-to-many-author--book}.
 */
final class LinkCheck {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->");
    /** {@code [text](target)} or {@code ![alt](target)}, with an optional title after the target. */
    private static final Pattern LINK =
            Pattern.compile("!?\\[([^\\]]*)]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    /** What GitHub drops from a heading's text on the way to its anchor. */
    private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Nl}\\p{Pc}\\- ]");

    private final Path root;
    private final Map<Path, Set<String>> anchorsByPage = new HashMap<>();

    /** @param root the folder the pages' paths are relative to: the project's */
    LinkCheck(Path root) {
        this.root = root;
    }

    /**
     * Every broken link of {@code pages} (paths relative to the root, with {@code /}), one message
     * each naming the page, the line and the link; empty when every link resolves.
     */
    List<String> problems(Iterable<String> pages) {
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            Path file = root.resolve(page);
            List<String> lines = read(file).lines().toList();
            boolean inCode = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (FENCE.matcher(line).matches()) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    continue;
                }
                // A link's text may wrap: read on while a bracket is open, as Markdown does, and
                // remember where each line starts, to name the line a link starts on.
                int first = i;
                List<Integer> starts = new ArrayList<>(List.of(0));
                while (opensABracket(line) && i + 1 < lines.size() && !lines.get(i + 1).isBlank()
                        && !FENCE.matcher(lines.get(i + 1)).matches()) {
                    i++;
                    line = line + " ";
                    starts.add(line.length());
                    line = line + lines.get(i).strip();
                }
                List<int[]> notProse = spans(line, CODE_SPAN);
                notProse.addAll(spans(line, HTML_COMMENT));
                Matcher link = LINK.matcher(line);
                while (link.find()) {
                    int start = link.start();
                    if (notProse.stream().anyMatch(span -> span[0] <= start && start < span[1])) {
                        continue;
                    }
                    int lineNumber = first + (int) starts.stream().filter(offset -> offset <= start).count();
                    String where = page + " line " + lineNumber + ", link [" + link.group(1) + "](" + link.group(2) + ")";
                    problem(file, link.group(2)).ifPresent(problem -> problems.add(where + ": " + problem));
                }
            }
        }
        return problems;
    }

    /** Whether {@code line}, code spans left out, has a {@code [} that no {@code ]} closes. */
    private static boolean opensABracket(String line) {
        String prose = CODE_SPAN.matcher(line).replaceAll("");
        return prose.lastIndexOf('[') > prose.lastIndexOf(']');
    }

    /** Where {@code pattern} matches in {@code line}: code spans and HTML comments, which hold no link. */
    private static List<int[]> spans(String line, Pattern pattern) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = pattern.matcher(line);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }

    /** What is wrong with {@code target}, linked from {@code page}; empty when it resolves. */
    private Optional<String> problem(Path page, String target) {
        if (target.isEmpty()) {
            return Optional.of("links to nothing");
        }
        if (SCHEME.matcher(target).matches()) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String path = decode(hash < 0 ? target : target.substring(0, hash));
        String anchor = hash < 0 ? "" : decode(target.substring(hash + 1));
        Path linked = path.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(path).normalize();
        Path project = root.toAbsolutePath().normalize();
        if (!linked.toAbsolutePath().normalize().startsWith(project)) {
            return Optional.of("leads out of the project");
        }
        String shown = project.relativize(linked.toAbsolutePath().normalize()).toString().replace('\\', '/');
        if (!Files.exists(linked)) {
            return Optional.of("no file " + shown);
        }
        if (anchor.isEmpty() || !linked.toString().endsWith(".md")) {
            return Optional.empty();
        }
        Set<String> anchors = anchorsByPage.computeIfAbsent(linked.toAbsolutePath().normalize(), p -> anchors(read(p)));
        return anchors.contains(anchor) ? Optional.empty()
                : Optional.of("no heading of " + shown + " has the anchor #" + anchor);
    }

    /** The anchors of every heading of {@code markdown}, outside code blocks, in order. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inCode = false;
        for (String line : markdown.lines().toList()) {
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (inCode || !heading.matches()) {
                continue;
            }
            String anchor = anchor(heading.group(1));
            int before = seen.merge(anchor, 1, Integer::sum) - 1;
            anchors.add(before == 0 ? anchor : anchor + "-" + before);
        }
        return anchors;
    }

    /** GitHub's anchor for a heading whose text is {@code heading}, before duplicates are numbered. */
    static String anchor(String heading) {
        String text = LINK.matcher(heading.strip()).replaceAll(link -> Matcher.quoteReplacement(link.group(1)));
        text = text.replaceAll("<[^>]+>", "").toLowerCase(Locale.ROOT);
        return NOT_IN_ANCHOR.matcher(text).replaceAll("").replace(' ', '-');
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
