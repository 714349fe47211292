package dev.relmap.sqlcount.junit;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the guard checks for one test: {@link FailOnNPlusOne} and the suite's configuration
 * parameters together. An annotation adds to the suite's settings and never takes from them (its
 * defaults are the suite's defaults); {@link AllowNPlusOne} and {@link AllowDuplicateReads} take away.
 *
 * @param source what switched the guard on, for the failure message
 */
record GuardSettings(boolean nPlusOne, boolean duplicateReads, boolean allThreads, String source) {

    /** {@code off} (the default) | {@code n+1} | {@code n+1,duplicate-reads}. */
    static final String GUARD = "relmap.sqlcount.guard";
    /** {@code test} (the default) | {@code all}. */
    static final String THREADS = "relmap.sqlcount.threads";

    private static final String OFF = "off";
    private static final String N_PLUS_ONE = "n+1";
    private static final String DUPLICATE_READS = "duplicate-reads";

    /** The guard for this test, or null when it has none. */
    static GuardSettings of(ExtensionContext context) {
        Optional<FailOnNPlusOne> annotation = SqlCountExtension.find(context, FailOnNPlusOne.class);
        Set<String> suite = suiteChecks(context.getConfigurationParameter(GUARD).orElse(OFF));
        if (annotation.isEmpty() && suite.isEmpty()
                || SqlCountExtension.find(context, AllowNPlusOne.class).isPresent()) {
            return null;
        }
        boolean nPlusOne = annotation.isPresent() || suite.contains(N_PLUS_ONE);
        boolean duplicateReads = (annotation.map(FailOnNPlusOne::duplicateReads).orElse(false)
                || suite.contains(DUPLICATE_READS))
                && SqlCountExtension.find(context, AllowDuplicateReads.class).isEmpty();
        boolean allThreads = annotation.map(FailOnNPlusOne::threads).orElse(Threads.TEST) == Threads.ALL
                || suiteThreads(context.getConfigurationParameter(THREADS).orElse("test")) == Threads.ALL;
        String source = annotation.isPresent() ? "@FailOnNPlusOne" : GUARD + "=" + String.join(",", suite);
        return new GuardSettings(nPlusOne, duplicateReads, allThreads, source);
    }

    /** The checks {@value #GUARD} asks for: empty when off. */
    static Set<String> suiteChecks(String value) {
        Set<String> checks = new LinkedHashSet<>();
        for (String token : value.split(",", -1)) {
            String check = token.trim().toLowerCase(Locale.ROOT);
            if (!check.equals(OFF) && !check.equals(N_PLUS_ONE) && !check.equals(DUPLICATE_READS)
                    || check.equals(OFF) && !value.trim().equalsIgnoreCase(OFF)) {
                throw new ExtensionConfigurationException("JUnit configuration parameter " + GUARD + "='" + value
                        + "': '" + token.trim() + "' is not one of " + OFF + " (alone), " + N_PLUS_ONE + ", "
                        + DUPLICATE_READS + "; for example " + GUARD + "=" + N_PLUS_ONE + "," + DUPLICATE_READS);
            }
            if (!check.equals(OFF)) {
                checks.add(check);
            }
        }
        return checks;
    }

    static Threads suiteThreads(String value) {
        for (Threads threads : Threads.values()) {
            if (threads.name().equalsIgnoreCase(value.trim())) {
                return threads;
            }
        }
        throw new ExtensionConfigurationException("JUnit configuration parameter " + THREADS + "='" + value
                + "' is not one of test, all");
    }
}
