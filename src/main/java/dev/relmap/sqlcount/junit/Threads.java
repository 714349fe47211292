package dev.relmap.sqlcount.junit;

/**
 * Which threads the N+1 guard records ({@link FailOnNPlusOne#threads()}, or the JUnit configuration
 * parameter {@code relmap.sqlcount.threads} = {@code test} | {@code all} for a whole suite).
 */
public enum Threads {

    /**
     * The thread that runs the test method, whichever it is: with {@code @Timeout(threadMode =
     * SEPARATE_THREAD)} that is JUnit's timeout thread, not the one that ran {@code @BeforeEach}.
     * Tests running in parallel never see each other's SQL. A test that ran no SQL on that thread
     * while statements ran on others fails, naming them, rather than passing unguarded.
     */
    TEST,

    /**
     * Every thread: the work a test hands to an embedded server ({@code RANDOM_PORT}), an executor or
     * {@code @Async}. The guard then also sees what any other test runs at the same time, so use it
     * only where tests of the suite do not run in parallel.
     */
    ALL
}
