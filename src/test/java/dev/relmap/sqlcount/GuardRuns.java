package dev.relmap.sqlcount;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs a small guarded test class with JUnit's engine test kit, as a suite would, and reads its result. */
final class GuardRuns {

    private GuardRuns() {
    }

    /** Runs {@code testClass} with the given configuration parameters, {@code "key=value"} each. */
    static Events run(Class<?> testClass, String... parameters) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass));
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            builder.configurationParameter(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        return builder.execute().testEvents();
    }

    static Throwable failure(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    /** The failure of the one test that failed in {@code tests}. */
    static Throwable onlyFailure(Events tests) {
        return failure(tests.failed().list().get(0));
    }

    static void inEntityManager(EntityManager em, Consumer<EntityManager> work) {
        try {
            work.accept(em);
        } finally {
            em.close();
        }
    }

    /** One SELECT for the parents, then one per parent for its children: the N+1 of a lazy loop. */
    static void lazyLoop(EntityManager em) {
        inEntityManager(em, entityManager -> entityManager.createQuery("from Parent", Parent.class).getResultList()
                .forEach(parent -> parent.getChildren().size()));
    }
}
