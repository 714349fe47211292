package dev.relmap.sqlcount.junit;

import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
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
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@code @ExtendWith(SqlCountExtension.class)} makes the kit part of a test's life:
 *
 * <ul>
 *   <li>a recording the test started and left running (no {@link Recording#stop()}, no
 *       try-with-resources) is stopped when the test ends, and the test FAILS, naming the line
 *       that started it: a forgotten recording would otherwise go on collecting for ever;
 *   <li>with {@link FailOnNPlusOne} (which registers this extension itself), each test is recorded
 *       and fails on an N+1, unless it carries {@link AllowNPlusOne}.
 * </ul>
 *
 * <p>Nothing is static: each test's state lives in its own extension context.
 */
public final class SqlCountExtension
        implements BeforeEachCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SqlCountExtension.class);
    private static final String BEFORE = "recordings before the test";
    private static final String GUARD = "N+1 guard";

    @Override
    public void beforeEach(ExtensionContext context) {
        Set<Recording> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(SqlCount.activeRecordings());
        context.getStore(NAMESPACE).put(BEFORE, before);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        if (find(context, FailOnNPlusOne.class).isPresent() && find(context, AllowNPlusOne.class).isEmpty()) {
            context.getStore(NAMESPACE).put(GUARD, SqlCount.start());
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Recording guard = context.getStore(NAMESPACE).remove(GUARD, Recording.class);
        if (guard == null) {
            return;
        }
        SqlReport report = guard.stop();
        if (context.getExecutionException().isEmpty() && report.hasNPlusOne()) {
            throw new AssertionError("N+1 in " + context.getDisplayName() + " (@FailOnNPlusOne; exempt a test with"
                    + " @AllowNPlusOne(\"why\")): " + report.nPlusOne().get(0).headline() + "\n\n" + report.describe());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        Set<Recording> before = context.getStore(NAMESPACE).remove(BEFORE, Set.class);
        Thread thread = Thread.currentThread();
        List<Recording> leaked = new ArrayList<>();
        for (Recording recording : SqlCount.activeRecordings()) {
            if ((before == null || !before.contains(recording)) && recording.startedBy() == thread) {
                leaked.add(recording);
            }
        }
        if (leaked.isEmpty()) {
            return;
        }
        stopAll(leaked);
        throw new AssertionError("The test left " + leaked.size() + " recording" + (leaked.size() == 1 ? "" : "s")
                + " running, started at " + leaked.stream().map(Recording::startedAt).collect(Collectors.joining(", "))
                + ". The kit stopped " + (leaked.size() == 1 ? "it" : "them") + "; stop a recording yourself"
                + " (recording.stop(), or try (Recording recording = SqlCount.start(…)) { … }), or use SqlCount.record(…).");
    }

    private static void stopAll(List<Recording> recordings) {
        for (Recording recording : recordings) {
            try {
                recording.stop();
            } catch (IllegalStateException e) {
                // Stopped all the same; the test fails for the leak.
            }
        }
    }

    /** The annotation on the test method, its class, a superclass or an enclosing class. */
    private static <A extends Annotation> Optional<A> find(ExtensionContext context, Class<A> type) {
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
