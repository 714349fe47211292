package dev.relmap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.bootstrap.UnitSpec;
import dev.relmap.cluster.Notes.SequenceNote;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Reads while the hot standby is down ({@code .ci/cluster stop-node standby}, started again after
 * the tests whatever they did). A unit opened on the standby's own URL, relmap's default, fails
 * within its connection timeout with one error; a unit opened on a host list with
 * {@code targetServerType=preferSecondary} reads from the primary instead, read-only still. The
 * primary's ordinary commits do not wait for the missing standby. Only the standby is stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = StandbyNodes.CONTROLLABLE, disabledReason = StandbyNodes.NOT_CONTROLLABLE)
@DisplayName("Reading while the standby is down")
class StandbyFaultTest {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** What a refused connection, Hibernate's handling and a loaded machine may add to the pool's timeout. */
    private static final Duration MARGIN = Duration.ofSeconds(3);
    /**
     * Hikari hands out a connection used less than this long ago without checking it
     * ({@code com.zaxxer.hikari.aliveBypassWindowMs}, 500 ms by default): a read that soon after the
     * standby stopped gets the pool's dead connection and fails with an I/O error instead.
     */
    private static final Duration UNCHECKED_REUSE = Duration.ofMillis(500);
    private static final UnitSpec NOTES = Relmap.unit("standby-faults", SequenceNote.class)
            .property(Relmap.CONNECTION_TIMEOUT, CONNECTION_TIMEOUT);

    private RelmapUnit primary;
    private RelmapUnit standbyOnly;
    private RelmapUnit standbyOrPrimary;
    private long noteId;

    @BeforeAll
    void openAndStopTheStandby() {
        primary = NOTES.recreateSchemaAndOpen(StandbyNodes.primary());
        noteId = primary.entityManagerFactory().callInTransaction(em -> {
            SequenceNote note = new SequenceNote("before the fault");
            em.persist(note);
            em.flush();
            return note.id;
        });
        StandbyNodes.awaitReplayed();
        standbyOnly = NOTES.openReadOnly(StandbyNodes.standby());
        standbyOrPrimary = NOTES.openReadOnly(StandbyNodes.standbyOrPrimary());
        assertThat(inRecovery(standbyOnly)).as("the standby-only unit reads the standby").isTrue();
        assertThat(inRecovery(standbyOrPrimary)).as("with the standby up, the fallback unit reads it too").isTrue();

        StandbyNodes.cluster("stop-node", "standby");
        // The standby has been down a moment, past the window in which the pool reuses a
        // connection unchecked, as it has for every read but the first after a real outage.
        sleep(UNCHECKED_REUSE.plusMillis(200));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the standby went down", e);
        }
    }

    @AfterAll
    void startTheStandbyAndClose() {
        try {
            StandbyNodes.cluster("start-node", "standby");
        } finally {
            for (RelmapUnit unit : new RelmapUnit[] {standbyOrPrimary, standbyOnly, primary}) {
                if (unit != null) {
                    unit.close();
                }
            }
        }
    }

    @Test
    @DisplayName("a unit on the standby's URL fails within its connection timeout, with one error naming the pool")
    void standbyOnlyFailsWithinItsTimeout() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> find(standbyOnly))
                .isInstanceOf(PersistenceException.class)
                .hasMessageContaining("relmap-standby-faults-read-only - Connection is not available, request timed out after");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("standby down: the standby-only read failed after %.1f x its connection timeout%n",
                (double) took.toNanos() / CONNECTION_TIMEOUT.toNanos());
        assertThat(took).isBetween(CONNECTION_TIMEOUT, CONNECTION_TIMEOUT.plus(MARGIN));
    }

    @Test
    @DisplayName("a unit on a preferSecondary host list reads the row from the primary")
    void preferSecondaryFallsBackToThePrimary() {
        assertThat(find(standbyOrPrimary)).isNotNull();
        assertThat(inRecovery(standbyOrPrimary)).as("reading a server in recovery").isFalse();
    }

    @Test
    @DisplayName("a unit that fell back to the primary still refuses writes there with SQLState 25006")
    void fallenBackUnitStaysReadOnly() {
        assertThatThrownBy(() -> standbyOrPrimary.runInRolledBackTransaction(em -> em.createNativeQuery(
                "insert into note (id, text) values (-1, 'through the fallback')").executeUpdate()))
                .rootCause()
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
    }

    @Test
    @DisplayName("the primary's ordinary commits do not wait for the missing standby")
    void primaryCommitsGoOn() {
        long start = System.nanoTime();

        primary.entityManagerFactory().runInTransaction(em -> em.persist(new SequenceNote("during the fault")));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(MARGIN);
    }

    private SequenceNote find(RelmapUnit unit) {
        return unit.callInRolledBackTransaction(em -> em.find(SequenceNote.class, noteId));
    }

    private static boolean inRecovery(RelmapUnit unit) {
        return unit.callInRolledBackTransaction(
                em -> (Boolean) em.createNativeQuery("select pg_is_in_recovery()", Boolean.class).getSingleResult());
    }
}
