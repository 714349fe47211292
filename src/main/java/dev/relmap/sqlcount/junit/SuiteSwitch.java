package dev.relmap.sqlcount.junit;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The JUnit configuration parameters that guard a whole suite, read the same way by
 * {@link SqlCountExtension} and {@link GuardSwitchCheck}. Only JDK types here, so the launcher's
 * check loads even where Jupiter is not the engine.
 */
final class SuiteSwitch {

    /** {@code off} (the default) | {@code n+1} | {@code n+1,duplicate-reads}. */
    static final String GUARD = "relmap.sqlcount.guard";
    /** {@code test} (the default) | {@code all}. */
    static final String THREADS = "relmap.sqlcount.threads";
    /**
     * Class-name prefixes, comma-separated, that the kit skips when it names the line of your code
     * behind a statement, as {@code SqlCount.skipInCallSites} does.
     */
    static final String CALLSITE_SKIP = "relmap.sqlcount.callsite.skip";
    static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";

    static final String OFF = "off";
    static final String N_PLUS_ONE = "n+1";
    static final String DUPLICATE_READS = "duplicate-reads";

    private SuiteSwitch() {
    }

    /**
     * The checks {@value #GUARD} asks for, empty when off.
     *
     * @throws IllegalArgumentException for a value that is not {@code off} or a list of the checks
     */
    static Set<String> checks(String value) {
        Set<String> checks = new LinkedHashSet<>();
        for (String token : value.split(",", -1)) {
            String check = token.trim().toLowerCase(Locale.ROOT);
            boolean known = check.equals(N_PLUS_ONE) || check.equals(DUPLICATE_READS)
                    || check.equals(OFF) && value.trim().equalsIgnoreCase(OFF);
            if (!known) {
                throw new IllegalArgumentException("JUnit configuration parameter " + GUARD + "='" + value + "': '"
                        + token.trim() + "' is not one of " + OFF + " (alone), " + N_PLUS_ONE + ", " + DUPLICATE_READS
                        + "; for example " + GUARD + "=" + N_PLUS_ONE + "," + DUPLICATE_READS);
            }
            if (!check.equals(OFF)) {
                checks.add(check);
            }
        }
        return checks;
    }

    /**
     * The threads {@value #THREADS} asks for.
     *
     * @throws IllegalArgumentException for a value that is neither {@code test} nor {@code all}
     */
    static Threads threads(String value) {
        for (Threads threads : Threads.values()) {
            if (threads.name().equalsIgnoreCase(value.trim())) {
                return threads;
            }
        }
        throw new IllegalArgumentException("JUnit configuration parameter " + THREADS + "='" + value
                + "' is not one of test, all");
    }

    /** The prefixes {@value #CALLSITE_SKIP} names, blanks left out. */
    static String[] callSiteSkips(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(prefix -> !prefix.isEmpty())
                .toArray(String[]::new);
    }
}
