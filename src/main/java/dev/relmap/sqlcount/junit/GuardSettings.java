package dev.relmap.sqlcount.junit;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the guard checks for one test: {@link FailOnNPlusOne} and the suite's configuration
 * parameters ({@link SuiteSwitch}) together. An annotation adds to the suite's settings and never
 * takes from them (its defaults are the suite's defaults); {@link AllowNPlusOne} and
 * {@link AllowDuplicateReads} take away.
 *
 * @param source what switched the guard on, for the failure message
 */
record GuardSettings(boolean nPlusOne, boolean duplicateReads, boolean allThreads, String source) {

    /** The guard for this test, or null when it has none. */
    static GuardSettings of(ExtensionContext context) {
        Optional<FailOnNPlusOne> annotation = SqlCountExtension.find(context, FailOnNPlusOne.class);
        Set<String> suite = SuiteSwitch.checks(context.getConfigurationParameter(SuiteSwitch.GUARD).orElse(SuiteSwitch.OFF));
        if (annotation.isEmpty() && suite.isEmpty()
                || SqlCountExtension.find(context, AllowNPlusOne.class).isPresent()) {
            return null;
        }
        boolean nPlusOne = annotation.isPresent() || suite.contains(SuiteSwitch.N_PLUS_ONE);
        boolean duplicateReads = (annotation.map(FailOnNPlusOne::duplicateReads).orElse(false)
                || suite.contains(SuiteSwitch.DUPLICATE_READS))
                && SqlCountExtension.find(context, AllowDuplicateReads.class).isEmpty();
        boolean allThreads = annotation.map(FailOnNPlusOne::threads).orElse(Threads.TEST) == Threads.ALL
                || SuiteSwitch.threads(context.getConfigurationParameter(SuiteSwitch.THREADS).orElse("test")) == Threads.ALL;
        String source = annotation.isPresent() ? "@FailOnNPlusOne" : SuiteSwitch.GUARD + "=" + String.join(",", suite);
        return new GuardSettings(nPlusOne, duplicateReads, allThreads, source);
    }
}
