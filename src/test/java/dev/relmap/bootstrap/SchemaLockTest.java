package dev.relmap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two relmap runs against one server (two clones, or the tour beside the tests) take turns with a
 * schema instead of dropping it under each other. Each "run" here is a unit opened on a connection
 * of its own, which is all the server sees of a second process.
 */
@DisplayName("Two runs on one server")
class SchemaLockTest {

    private static final DatabaseSettings SETTINGS = DatabaseSettings.current();
    private static final UnitSpec SPEC = Relmap.unit("bootstrap-shared", Gadget.class);
    private static final Duration SECOND_RUN_WAIT = Duration.ofSeconds(30);

    @Entity(name = "Gadget")
    @Table(name = "gadget")
    static class Gadget {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
    }

    @BeforeEach
    void serverDatabasesOnly() {
        assumeTrue(SETTINGS.database() != Database.H2,
                "H2 in memory lives inside one JVM: no second run can reach it, so nothing is locked");
    }

    @Test
    @DisplayName("wait for each other: the second does not drop the schema while the first still uses it")
    void secondRunWaitsForTheFirst() throws Exception {
        CompletableFuture<Long> second;
        try (RelmapUnit first = SPEC.recreateSchemaAndOpen(SETTINGS)) {
            first.entityManagerFactory().runInTransaction(em -> em.persist(new Gadget()));

            second = CompletableFuture.supplyAsync(() -> {
                try (RelmapUnit unit = Relmap.recreateSchemaAndOpen(SETTINGS, SPEC, SECOND_RUN_WAIT)) {
                    return count(unit);
                }
            });
            Thread.sleep(1_000);

            assertThat(second).isNotDone();
            assertThat(count(first)).as("the first run's rows, while the second waits").isEqualTo(1);
        }

        // Longer than the second run may wait for the lock, plus the time it takes to open its unit.
        assertThat(second).as("the second run, once the first let the schema go")
                .succeedsWithin(SECOND_RUN_WAIT.plusSeconds(60)).as("the second run's fresh schema").isEqualTo(0L);
    }

    @Test
    @DisplayName("fail with the schema named, and how to run side by side, when the wait runs out")
    void waitRunsOut() {
        try (RelmapUnit first = SPEC.recreateSchemaAndOpen(SETTINGS)) {

            assertThatThrownBy(() -> Relmap.recreateSchemaAndOpen(SETTINGS, SPEC, Duration.ofMillis(300)))
                    .isInstanceOf(SchemaInUseException.class)
                    .hasMessageStartingWith("Schema " + first.schema() + " on " + SETTINGS + " is still in use")
                    .hasMessageContaining("RELMAP_SCHEMA_PREFIX");
        }
    }

    @Test
    @DisplayName("run side by side when their schema prefixes differ")
    void differentPrefixesDoNotWait() {
        DatabaseSettings other = new DatabaseSettings(SETTINGS.database(), SETTINGS.url(), SETTINGS.user(),
                SETTINGS.password(), SETTINGS.schemaPrefix() + "twin_");
        try (RelmapUnit first = SPEC.recreateSchemaAndOpen(SETTINGS);
                RelmapUnit twin = Relmap.recreateSchemaAndOpen(other, SPEC, Duration.ofMillis(300))) {

            assertThat(twin.schema()).isNotEqualTo(first.schema());
        }
    }

    private static long count(RelmapUnit unit) {
        return unit.entityManagerFactory().callInTransaction(
                em -> em.createQuery("select count(*) from Gadget", Long.class).getSingleResult());
    }
}
