package dev.relmap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bootstrapping a pattern's unit")
class RelmapTest {

    @Entity(name = "Widget")
    @Table(name = "widget")
    static class NarrowWidget {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String name;
    }

    @Entity(name = "Widget")
    @Table(name = "widget")
    static class WideWidget {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String label;
        int weight;
    }

    @Test
    @DisplayName("gives two units with the same table name but different columns a schema each")
    void unitsDoNotCollide() {
        try (RelmapUnit narrow = Relmap.unit("bootstrap-narrow", NarrowWidget.class).recreateSchemaAndOpen(SETTINGS);
                RelmapUnit wide = Relmap.unit("bootstrap-wide", WideWidget.class).recreateSchemaAndOpen(SETTINGS)) {
            narrow.entityManagerFactory().runInTransaction(em -> {
                NarrowWidget widget = new NarrowWidget();
                widget.name = "narrow";
                em.persist(widget);
            });
            wide.entityManagerFactory().runInTransaction(em -> {
                WideWidget widget = new WideWidget();
                widget.label = "wide";
                widget.weight = 3;
                em.persist(widget);
            });

            assertThat(count(narrow)).isEqualTo(1);
            assertThat(count(wide)).isEqualTo(1);
            assertThat(narrow.schema()).isEqualTo(SETTINGS.schemaPrefix() + "bootstrap_narrow");
        }
    }

    @Test
    @DisplayName("starts from an empty schema every time it is opened")
    void reopeningStartsClean() {
        try (RelmapUnit first = Relmap.unit("bootstrap-narrow", NarrowWidget.class).recreateSchemaAndOpen(SETTINGS)) {
            first.entityManagerFactory().runInTransaction(em -> em.persist(new NarrowWidget()));
        }
        try (RelmapUnit second = Relmap.unit("bootstrap-narrow", NarrowWidget.class).recreateSchemaAndOpen(SETTINGS)) {
            assertThat(count(second)).isZero();
        }
    }

    @Test
    @DisplayName("fails within seconds, with one message naming the URL, when the database is unreachable")
    void unreachableDatabaseFailsFast() {
        DatabaseSettings nowhere = new DatabaseSettings(
                Database.POSTGRESQL, "jdbc:postgresql://127.0.0.1:9/test", "postgres", "", "relmap_");
        int loginTimeoutBefore = DriverManager.getLoginTimeout();
        long start = System.nanoTime();

        assertThatThrownBy(() -> Relmap.unit("bootstrap-nowhere", NarrowWidget.class).recreateSchemaAndOpen(nowhere))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("Cannot use postgresql at jdbc:postgresql://127.0.0.1:9/test as user 'postgres'")
                .hasMessageContaining("relmap.url");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(DriverManager.getLoginTimeout()).as("JVM-wide login timeout").isEqualTo(loginTimeoutBefore);
    }

    @Test
    @DisplayName("puts a unit in a schema named by the settings' prefix, so two builds on one server do not clash")
    void schemaPrefixSeparatesBuilds() {
        DatabaseSettings other = new DatabaseSettings(SETTINGS.database(), SETTINGS.url(), SETTINGS.user(),
                SETTINGS.password(), SETTINGS.schemaPrefix() + "other_");
        try (RelmapUnit mine = Relmap.unit("bootstrap-narrow", NarrowWidget.class).recreateSchemaAndOpen(SETTINGS);
                RelmapUnit theirs = Relmap.unit("bootstrap-narrow", NarrowWidget.class).recreateSchemaAndOpen(other)) {
            mine.entityManagerFactory().runInTransaction(em -> em.persist(new NarrowWidget()));

            assertThat(theirs.schema()).isEqualTo(SETTINGS.schemaPrefix() + "other_bootstrap_narrow");
            assertThat(count(mine)).isEqualTo(1);
            assertThat(count(theirs)).isZero();
        }
    }

    @Test
    @DisplayName("refuses a schema prefix that is not a plain lower-case SQL name, naming it")
    void badSchemaPrefix() {
        assertThatThrownBy(() -> new DatabaseSettings(Database.H2, "jdbc:h2:mem:x", "sa", "", "x; drop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x; drop'");
    }

    @Test
    @DisplayName("names the accepted values when relmap.db is unknown")
    void unknownDatabase() {
        assertThatThrownBy(() -> Database.fromKey("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown database 'oracle': expected one of h2, postgresql, mariadb");
        assertThat(Database.fromKey(" MariaDB ")).isEqualTo(Database.MARIADB);
    }

    @Test
    @DisplayName("makes a caller wait relmap.connection_timeout for a connection from an exhausted pool, then fail naming the pool")
    void connectionTimeoutBoundsTheWait() throws SQLException {
        try (RelmapUnit unit = Relmap.unit("bootstrap-exhausted", NarrowWidget.class)
                        .property(Relmap.POOL_SIZE, 1)
                        .property(Relmap.CONNECTION_TIMEOUT, Duration.ofMillis(500))
                        .recreateSchemaAndOpen(SETTINGS);
                Connection held = unit.dataSource().getConnection()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> unit.dataSource().getConnection())
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageStartingWith("relmap-bootstrap-exhausted - Connection is not available, request timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(held.isClosed()).isFalse();
        }
    }

    @Test
    @DisplayName("reads relmap.connection_timeout as a Duration or seconds, 10 s when unset, and refuses less than 250 ms")
    void connectionTimeoutValues() {
        UnitSpec spec = Relmap.unit("bootstrap-timeouts", NarrowWidget.class);

        assertThat(Relmap.connectionTimeout(spec)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Relmap.connectionTimeout(spec.property(Relmap.CONNECTION_TIMEOUT, 60))).isEqualTo(Duration.ofMinutes(1));
        assertThat(Relmap.connectionTimeout(spec.property(Relmap.CONNECTION_TIMEOUT, " 30 "))).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> Relmap.connectionTimeout(spec.property(Relmap.CONNECTION_TIMEOUT, Duration.ofMillis(100))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Connection timeout PT0.1S of unit 'bootstrap-timeouts' is under 250 ms, the least HikariCP takes");
    }

    private static final DatabaseSettings SETTINGS = DatabaseSettings.current();

    private static long count(RelmapUnit unit) {
        return unit.entityManagerFactory().callInTransaction(
                em -> em.createQuery("select count(*) from Widget", Long.class).getSingleResult());
    }
}
