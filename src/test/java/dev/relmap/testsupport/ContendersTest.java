package dev.relmap.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The harness of the concurrency tests: what it guarantees, and how it says what went wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Threads run as contenders")
class ContendersTest {

    private static final int THREADS = 6;

    @Entity(name = "Token")
    @Table(name = "token")
    static class Token {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
    }

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        unit = Contenders.unit(Relmap.unit("concurrency-contenders", Token.class), THREADS, 0)
                .recreateSchemaAndOpen(DatabaseSettings.current());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @Test
    @DisplayName("hold a connection each, all at once, before any of them goes past a step")
    void allHoldAConnectionAtTheStep() throws Exception {
        AtomicInteger connected = new AtomicInteger();

        List<Integer> seen = Contenders.run(unit, THREADS, me -> unit.entityManagerFactory().callInTransaction(em -> {
            me.connect(em);
            connected.incrementAndGet();
            me.reach("counted");
            return connected.get();
        }));

        assertThat(seen).as("connected threads each one saw after the step").containsOnly(THREADS);
    }

    @Test
    @DisplayName("free the threads waiting at a step at once when one ends without reaching it, naming it and its failure")
    void aThreadThatFailsFreesTheOthers() {
        long start = System.nanoTime();

        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> Contenders.run(unit, THREADS, me -> {
            if (me.number() == 3) {
                throw new IllegalStateException("thread 3's own trouble");
            }
            me.reach("all here");
            return null;
        }));

        assertThat(failure).hasMessage("thread 3 of " + THREADS + " failed: java.lang.IllegalStateException: thread 3's own trouble")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(failure.getSuppressed()).hasSize(THREADS - 1).allSatisfy(freed -> assertThat(freed)
                .hasMessageMatching("thread \\d stopped waiting at step 'all here' for thread 3, which ended without"
                        + " reaching it: failed with java.lang.IllegalStateException: thread 3's own trouble"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("long before a step's wait runs out")
                .isLessThan(Contenders.STEP_WAIT);
    }

    @Test
    @DisplayName("refuse a pool smaller than the threads, before any of them waits for a connection")
    void refuseASmallPool() {
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> Contenders.run(unit, THREADS + 1,
                me -> unit.entityManagerFactory().callInTransaction(em -> {
                    me.connect(em);
                    return null;
                })));

        assertThat(failure).hasMessage((THREADS + 1) + " threads need a connection each, but pool"
                + " relmap-concurrency-contenders holds at most " + THREADS + ": open the unit with"
                + " Contenders.unit(spec, " + (THREADS + 1) + ", connections the test holds meanwhile)");
    }
}
