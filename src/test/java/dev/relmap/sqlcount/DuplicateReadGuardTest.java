package dev.relmap.sqlcount;

import static dev.relmap.sqlcount.GuardRuns.onlyFailure;
import static dev.relmap.sqlcount.GuardRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.junit.AllowDuplicateReads;
import dev.relmap.sqlcount.junit.AllowNPlusOne;
import dev.relmap.sqlcount.junit.FailOnNPlusOne;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/** The guard's duplicate-read option: the same row read once per row of a list. */
@DisplayName("The JUnit guard on duplicate reads")
class DuplicateReadGuardTest {

    private static final int OPTIONS = 7;
    private static RelmapUnit unit;
    private static Long parentId;

    @BeforeAll
    static void open() {
        unit = KitFixture.open();
        parentId = KitFixture.seed(unit, 3, 1).get(0);
    }

    @AfterAll
    static void close() {
        KitFixture.clear(unit);
        unit.close();
    }

    @Test
    @DisplayName("with duplicateReads = true, fails a per-row loop reading the same row, naming the line")
    void failsTheLoop() {
        Events tests = run(GuardsDuplicateReads.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests))
                .hasMessageContaining("Duplicate read in rendersOneOptionPerRow() (@FailOnNPlusOne;"
                        + " exempt a test with @AllowDuplicateReads(\"why\")): "
                        + "7× SELECT in 7 round trips, same parameters each time: duplicate read, first called from "
                        + DuplicateReadGuardTest.class.getName() + ".readTheParentOncePerOption(DuplicateReadGuardTest.java:")
                .hasMessageContaining("parameters: [" + parentId + "]");
    }

    @Test
    @DisplayName("without it, lets the same loop pass: a duplicate read is not an N+1")
    void plainGuardLetsItPass() {
        run(GuardsNPlusOneOnly.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    @DisplayName("exempts a test with @AllowDuplicateReads, which still fails on an N+1, or with @AllowNPlusOne")
    void optingOut() {
        Events tests = run(OptsOut.class);

        tests.assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        assertThat(tests.failed().list().get(0).getTestDescriptor().getDisplayName())
                .isEqualTo("lazyLoopAllowedToReadTwice()");
        assertThat(onlyFailure(tests)).hasMessageContaining("N+1 in lazyLoopAllowedToReadTwice()");
    }

    @Test
    @DisplayName("with relmap.sqlcount.guard=n+1,duplicate-reads, fails the loop in a test with no annotation")
    void forTheSuite() {
        Events tests = run(Unannotated.class, "junit.jupiter.extensions.autodetection.enabled=true",
                "relmap.sqlcount.guard=n+1,duplicate-reads");

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(onlyFailure(tests)).hasMessageContaining("Duplicate read in rendersOneOptionPerRow()"
                + " (relmap.sqlcount.guard=n+1,duplicate-reads; exempt a test with @AllowDuplicateReads(\"why\")): "
                + "7× SELECT");
    }

    /** The pitfall: a list of options, each re-reading the same parent to render its label. */
    static List<String> readTheParentOncePerOption(EntityManager em) {
        List<String> labels = new ArrayList<>();
        for (int option = 1; option <= OPTIONS; option++) {
            Parent parent = em.createQuery("from Parent p where p.id = :id", Parent.class)
                    .setParameter("id", parentId)
                    .getSingleResult();
            labels.add(option + ": " + parent.getName());
        }
        return labels;
    }

    static void rendersOneOptionPerRow() {
        GuardRuns.inEntityManager(unit.entityManagerFactory().createEntityManager(),
                em -> assertThat(readTheParentOncePerOption(em)).hasSize(OPTIONS));
    }

    @FailOnNPlusOne(duplicateReads = true)
    static class GuardsDuplicateReads {

        @Test
        void rendersOneOptionPerRow() {
            DuplicateReadGuardTest.rendersOneOptionPerRow();
        }
    }

    @FailOnNPlusOne
    static class GuardsNPlusOneOnly {

        @Test
        void rendersOneOptionPerRow() {
            DuplicateReadGuardTest.rendersOneOptionPerRow();
        }
    }

    @FailOnNPlusOne(duplicateReads = true)
    static class OptsOut {

        @Test
        @AllowDuplicateReads("proves the pitfall")
        void allowedToReadTwice() {
            DuplicateReadGuardTest.rendersOneOptionPerRow();
        }

        @Test
        @AllowDuplicateReads("reads twice, but loops lazily too")
        void lazyLoopAllowedToReadTwice() {
            GuardRuns.lazyLoop(unit.entityManagerFactory().createEntityManager());
        }

        @Test
        @AllowNPlusOne("exempt from the whole guard")
        void allowedAnything() {
            DuplicateReadGuardTest.rendersOneOptionPerRow();
        }
    }

    static class Unannotated {

        @Test
        void rendersOneOptionPerRow() {
            DuplicateReadGuardTest.rendersOneOptionPerRow();
        }
    }
}
