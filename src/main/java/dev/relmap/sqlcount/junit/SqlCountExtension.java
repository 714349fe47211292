package dev.relmap.sqlcount.junit;

import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@code @ExtendWith(SqlCountExtension.class)} makes the kit part of a test's life:
 *
 * <ul>
 *   <li>a recording started during the test, on any thread, and left running (no
 *       {@link Recording#stop()}, no try-with-resources) is stopped when the test ends, and the test
 *       FAILS, naming the line that started it: a forgotten recording would otherwise go on
 *       collecting for ever;
 *   <li>with {@link FailOnNPlusOne} (which registers this extension itself), or with the JUnit
 *       configuration parameter {@code relmap.sqlcount.guard} set, each test method is recorded and
 *       fails on an N+1 (and on a duplicate read, if asked), unless it carries {@link AllowNPlusOne}.
 * </ul>
 *
 * <p>A whole suite is guarded with no annotation by two lines of
 * {@code src/test/resources/junit-platform.properties}: Jupiter finds this extension through
 * {@code META-INF/services} once {@code junit.jupiter.extensions.autodetection.enabled=true}, and
 * {@code relmap.sqlcount.guard=n+1} (or {@code n+1,duplicate-reads}) switches the guard on.
 * Auto-detected with the guard off, it does nothing but the leak check. {@code relmap.sqlcount.threads
 * = all} records every thread (see {@link Threads}).
 *
 * <p>When JUnit runs tests in parallel ({@code junit.jupiter.execution.parallel.enabled=true}), the
 * kit cannot tell a neighbour test's thread from a worker of this one: the leak check then keeps to
 * the threads that ran the test, and a test that ran no SQL of its own while other threads did gets
 * a report entry instead of a failure.
 *
 * <p>Nothing is static: each test's state lives in its own extension context.
 */
public final class SqlCountExtension implements BeforeEachCallback, BeforeTestExecutionCallback, InvocationInterceptor,
        AfterTestExecutionCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SqlCountExtension.class);
    private static final String BEFORE = "recordings before the test";
    private static final String METHOD_THREAD = "thread of the test method";
    private static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";

    @Override
    public void beforeEach(ExtensionContext context) {
        Set<Recording> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(SqlCount.activeRecordings());
        context.getStore(NAMESPACE).put(BEFORE, before);
        context.getConfigurationParameter(SuiteSwitch.CALLSITE_SKIP).ifPresent(SqlCountExtension::skipInCallSites);
    }

    /** Adds the suite's prefixes to skip in call sites; adding them again for the next test changes nothing. */
    private static void skipInCallSites(String value) {
        try {
            SqlCount.skipInCallSites(SuiteSwitch.callSiteSkips(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JUnit configuration parameter " + SuiteSwitch.CALLSITE_SKIP + "='"
                    + value + "': " + e.getMessage(), e);
        }
    }

    /**
     * Does nothing: until 0.1.0 the guard started here, on the thread of {@code @BeforeEach}, which
     * missed a test method run on a {@code SEPARATE_THREAD} timeout's thread. The guard now wraps the
     * method itself ({@link #interceptTestMethod}). Kept so that code compiled against 0.1.0 still links.
     */
    @Override
    public void beforeTestExecution(ExtensionContext context) {
        // The guard starts in interceptTestMethod, on the thread that runs the test method.
    }

    /** Does nothing: the guard stops and judges in {@link #interceptTestMethod}; see {@link #beforeTestExecution}. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        // The guard is judged in interceptTestMethod.
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        guard(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        guard(invocation, context);
    }

    /**
     * Records the test method on the thread that runs it: an interceptor runs inside JUnit's
     * {@code @Timeout(threadMode = SEPARATE_THREAD)}, so the guard watches the timeout thread that
     * runs the method, not the one that ran {@code @BeforeEach}.
     */
    private static void guard(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        context.getStore(NAMESPACE).put(METHOD_THREAD, Thread.currentThread());
        GuardSettings settings = GuardSettings.of(context);
        if (settings == null) {
            invocation.proceed();
            return;
        }
        Recording guard = SqlCount.startGuard(settings.allThreads());
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            stopQuietly(guard); // the test failed anyway: not also for an N+1
            throw failure;
        }
        check(guard.stop(), settings, context);
    }

    private static void check(SqlReport report, GuardSettings settings, ExtensionContext context) {
        if (!settings.allThreads() && report.statements().isEmpty() && report.otherThreadStatements() > 0) {
            String message = context.getDisplayName() + " ran no SQL on its own thread ("
                    + Thread.currentThread().getName() + "), but " + report.otherThreadStatements() + " statement"
                    + (report.otherThreadStatements() == 1 ? "" : "s") + " ran meanwhile on other threads ("
                    + String.join(", ", report.otherThreads()) + "), which the guard (" + settings.source()
                    + ") does not watch. If the test's work runs there (an embedded server, an executor,"
                    + " @Async), guard every thread: @FailOnNPlusOne(threads = Threads.ALL), or"
                    + " relmap.sqlcount.threads=all for the suite.";
            if (!parallel(context)) {
                throw new AssertionError(message);
            }
            context.publishReportEntry("relmap.sqlcount", message + " (Not failed: tests run in parallel, so"
                    + " those statements may be another test's.)");
        }
        if (settings.nPlusOne() && report.hasNPlusOne()) {
            throw new AssertionError("N+1 in " + context.getDisplayName() + " (" + settings.source()
                    + "; exempt a test with @AllowNPlusOne(\"why\")): " + report.nPlusOne().get(0).headline()
                    + "\n\n" + report.describe());
        }
        if (settings.duplicateReads() && !report.duplicateReads().isEmpty()) {
            var first = report.duplicateReads().get(0);
            throw new AssertionError("Duplicate read in " + context.getDisplayName() + " (" + settings.source()
                    + "; exempt a test with @AllowDuplicateReads(\"why\")): " + first.headline()
                    + ", first called from " + first.callSite() + "\n\n" + report.describe());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        Set<Recording> before = context.getStore(NAMESPACE).remove(BEFORE, Set.class);
        Thread methodThread = context.getStore(NAMESPACE).remove(METHOD_THREAD, Thread.class);
        boolean parallel = parallel(context);
        List<Recording> leaked = new ArrayList<>();
        for (Recording recording : SqlCount.activeRecordings()) {
            boolean ours = !parallel || recording.startedBy() == Thread.currentThread()
                    || recording.startedBy() == methodThread;
            if ((before == null || !before.contains(recording)) && ours) {
                leaked.add(recording);
            }
        }
        if (leaked.isEmpty()) {
            return;
        }
        stopAll(leaked);
        throw new AssertionError("The test left " + leaked.size() + " recording" + (leaked.size() == 1 ? "" : "s")
                + " running, started at " + leaked.stream().map(r -> r.startedAt() + " on thread "
                        + r.startedBy().getName()).collect(Collectors.joining(", "))
                + ". The kit stopped " + (leaked.size() == 1 ? "it" : "them") + "; stop a recording yourself"
                + " (recording.stop(), or try (Recording recording = SqlCount.start(…)) { … }), or use SqlCount.record(…).");
    }

    private static boolean parallel(ExtensionContext context) {
        return context.getConfigurationParameter(PARALLEL).map(value -> Boolean.parseBoolean(value.trim()))
                .orElse(false);
    }

    private static void stopQuietly(Recording recording) {
        try {
            recording.stop();
        } catch (IllegalStateException e) {
            // Stopped all the same; the test's own failure is the one to report.
        }
    }

    private static void stopAll(List<Recording> recordings) {
        recordings.forEach(SqlCountExtension::stopQuietly);
    }

    /** The annotation on the test method, its class, a superclass or an enclosing class. */
    static <A extends Annotation> Optional<A> find(ExtensionContext context, Class<A> type) {
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
                current = current.get().getParent()) {
            Optional<AnnotatedElement> element = current.get().getElement();
            if (element.isPresent()) {
                Optional<A> found = AnnotationSupport.findAnnotation(element.get(), type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
