package dev.relmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import dev.relmap.cluster.Notes.SequenceNote;
import java.sql.SQLException;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Reading your own write from the standby: a commit on the primary returns before the standby has
 * replayed it, so a read there right after may not find the row. The plain loop, run once before
 * the tests, is a measurement (how often it misses depends on the machine's load), so it is
 * printed, not asserted; the cures are asserted to miss nothing, and their cost is printed as a
 * ratio to the plain loop's time in the same run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = StandbyNodes.UP, disabledReason = StandbyNodes.DOWN)
@DisplayName("Reading your own write")
class StandbyReadYourWritesTest {

    /** Write-then-read rounds per loop: enough to see misses on this machine, bounded in time by the replay wait. */
    private static final int ROUNDS = 200;
    private static final UnitSpec NOTES = Relmap.unit("standby-notes", SequenceNote.class);

    private RelmapUnit primary;
    private RelmapUnit standby;
    private long plainNanos;

    @BeforeAll
    void open() {
        // tag::open-replica[]
        primary = NOTES.recreateSchemaAndOpen(StandbyNodes.primary()); // the schema and every write
        StandbyNodes.awaitReplayed();
        standby = NOTES.openReadOnly(StandbyNodes.standby()); // reads, which may lag
        // end::open-replica[]
        // Warm both pools and Hibernate's plans, so the loops compare steady states.
        loop(false, standby, 20);
        loop(true, standby, 20);
        long start = System.nanoTime();
        int misses = loop(false, standby, ROUNDS);
        plainNanos = System.nanoTime() - start;
        System.out.printf("read-your-writes: plain commit, then read on the standby: %d misses in %d rounds%n",
                misses, ROUNDS);
    }

    @AfterAll
    void close() {
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    @DisplayName("from the standby after a commit with synchronous_commit = remote_apply misses nothing")
    void remoteApplyCommitThenStandbyReadMissesNothing() throws SQLException {
        assertThat(StandbyNodes.value(StandbyNodes.PRIMARY_URL, "show synchronous_standby_names"))
                .as("the primary names its standby synchronous (.ci/cluster writes synchronous_standby_names;"
                        + " restart the pair with .ci/cluster stop standby && .ci/cluster start standby)")
                .isNotEmpty();

        long start = System.nanoTime();
        int misses = loop(true, standby, ROUNDS);
        long nanos = System.nanoTime() - start;

        assertThat(misses).isZero();
        report("remote_apply commit, then read on the standby", nanos);
    }

    @Test
    @DisplayName("from the primary after a plain commit misses nothing")
    void plainCommitThenPrimaryReadMissesNothing() {
        long start = System.nanoTime();
        int misses = loop(false, primary, ROUNDS);
        long nanos = System.nanoTime() - start;

        assertThat(misses).isZero();
        report("plain commit, then read on the primary", nanos);
    }

    /**
     * {@code rounds} times: commit one note on the primary (waiting for the standby to apply it
     * when {@code remoteApply}), then look for it by id through {@code reader}; returns how often
     * it was not there.
     */
    private int loop(boolean remoteApply, RelmapUnit reader, int rounds) {
        LongPredicate found = id -> reader.callInRolledBackTransaction(em -> em.find(SequenceNote.class, id)) != null;
        int misses = 0;
        for (int i = 0; i < rounds; i++) {
            long id = primary.entityManagerFactory().callInTransaction(em -> {
                if (remoteApply) {
                    // tag::remote-apply[]
                    em.createNativeQuery("set local synchronous_commit = remote_apply").executeUpdate();
                    // end::remote-apply[]
                }
                SequenceNote note = new SequenceNote("round");
                em.persist(note);
                em.flush();
                return note.id;
            });
            if (!found.test(id)) {
                misses++;
            }
        }
        return misses;
    }

    private void report(String what, long nanos) {
        System.out.printf("read-your-writes: %s: %.2f x the plain loop's time (%d rounds each)%n",
                what, (double) nanos / plainNanos, ROUNDS);
    }
}
