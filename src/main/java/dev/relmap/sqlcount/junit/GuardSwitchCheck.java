package dev.relmap.sqlcount.junit;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Refuses to start a suite that sets {@code relmap.sqlcount.guard} without
 * {@code junit.jupiter.extensions.autodetection.enabled=true}: Jupiter would then never load
 * {@link SqlCountExtension} for an unannotated test, and the guard the suite asked for would pass
 * every N+1 in silence. The JUnit Platform launcher (Surefire's, Gradle's, an IDE's) finds this
 * check through {@code META-INF/services} by itself, before any test runs; you never call it. A
 * value of {@code relmap.sqlcount.guard} it does not know is refused here too.
 */
public final class GuardSwitchCheck implements LauncherDiscoveryListener {

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        ConfigurationParameters parameters = request.getConfigurationParameters();
        String guard = parameters.get(SuiteSwitch.GUARD).orElse(SuiteSwitch.OFF);
        if (!SuiteSwitch.checks(guard).isEmpty() && !parameters.getBoolean(SuiteSwitch.AUTODETECTION).orElse(false)) {
            throw new IllegalStateException("JUnit configuration parameter " + SuiteSwitch.GUARD + "=" + guard
                    + " asks for the guard on every test, but Jupiter's extension auto-detection is off, so no"
                    + " unannotated test would be guarded. Set " + SuiteSwitch.AUTODETECTION + "=true beside it"
                    + " (src/test/resources/junit-platform.properties), or remove " + SuiteSwitch.GUARD + ".");
        }
    }
}
