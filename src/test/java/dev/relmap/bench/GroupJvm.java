package dev.relmap.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.runner.CompilerHints;

/**
 * One benchmark group (a pattern's reads, {@code levers}, {@code writes} or {@code kit}) run in a
 * JVM of its own: {@link Benchmarks} started again with {@code --only=GROUP --child=FILE}, which
 * runs every configuration of the group in that JVM (JMH with {@code forks(0)}) and writes its
 * results to FILE, one tab-separated line each, for the parent to read back into its one report.
 */
final class GroupJvm {

    /** What a group's JVM hands back: its results and the notes its group wrote for the report. */
    record Results(List<Measured> measured, List<String> notes) {
    }

    private static final String MEASURED = "measured";
    private static final String NOTE = "note";

    private GroupJvm() {
    }

    /**
     * Runs {@code group} in a new JVM started as JMH starts a fork (this JVM's java binary, class
     * path and flags, then those of {@code jvmArgs} it lacks, then JMH's compiler hints) with
     * {@code benchmarkArgs}, its output streamed to this one's, and returns what it measured.
     *
     * @throws IllegalStateException naming the group when its JVM exits with anything but 0
     */
    static Results run(String group, List<String> jvmArgs, List<String> benchmarkArgs)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("relmap-bench-", ".tsv");
        try {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            Set<String> flags = new LinkedHashSet<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
            flags.addAll(jvmArgs);
            command.addAll(flags);
            // The compiler hints (and compiler blackholes) JMH gives a JVM it forks: not forking
            // inside the group's JVM, JMH cannot give them there.
            CompilerHints.addCompilerHints(command);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Benchmarks.class.getName());
            command.addAll(benchmarkArgs);
            command.add("--only=" + group);
            command.add("--child=" + file);
            System.out.println("relmap: benchmark group " + group + " in a JVM of its own");
            Process process = new ProcessBuilder(command).inheritIO().start();
            // Stopping this JVM (Ctrl-C) stops the group's JVM too.
            Thread stop = new Thread(process::destroy);
            Runtime.getRuntime().addShutdownHook(stop);
            int exit = process.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            if (exit != 0) {
                throw new IllegalStateException("Benchmark group " + group + " failed: its JVM exited with code " + exit);
            }
            return read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes a group's results and notes to {@code file}, one tab-separated line each. */
    static void write(Path file, List<Measured> measured, List<String> notes) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Measured m : measured) {
            lines.add(String.join("\t", MEASURED, escape(m.group()), escape(m.subject()), escape(m.pool()),
                    String.valueOf(m.n()), String.valueOf(m.score()), String.valueOf(m.error()), escape(m.unit()),
                    String.valueOf(m.bytes()), String.valueOf(m.cpuMicros())));
        }
        for (String note : notes) {
            lines.add(NOTE + "\t" + escape(note));
        }
        Files.write(file, lines);
    }

    /** Reads back what {@link #write} wrote. */
    static Results read(Path file) throws IOException {
        List<Measured> measured = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case MEASURED -> measured.add(new Measured(unescape(f[1]), unescape(f[2]), unescape(f[3]),
                        Integer.parseInt(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), unescape(f[7]),
                        Double.parseDouble(f[8]), Double.parseDouble(f[9])));
                case NOTE -> notes.add(unescape(f[1]));
                default -> throw new IllegalStateException("Unexpected line in " + file + ": " + line);
            }
        }
        return new Results(measured, notes);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                plain.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
