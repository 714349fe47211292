package dev.relmap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.Map;
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
        try (RelmapUnit narrow = Relmap.open("bootstrap-narrow", NarrowWidget.class);
                RelmapUnit wide = Relmap.open("bootstrap-wide", WideWidget.class)) {
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
            assertThat(narrow.schema()).isEqualTo("relmap_bootstrap_narrow");
        }
    }

    @Test
    @DisplayName("starts from an empty schema every time it is opened")
    void reopeningStartsClean() {
        try (RelmapUnit first = Relmap.open("bootstrap-narrow", NarrowWidget.class)) {
            first.entityManagerFactory().runInTransaction(em -> em.persist(new NarrowWidget()));
        }
        try (RelmapUnit second = Relmap.open("bootstrap-narrow", NarrowWidget.class)) {
            assertThat(count(second)).isZero();
        }
    }

    @Test
    @DisplayName("fails within seconds, with one message naming the URL, when the database is unreachable")
    void unreachableDatabaseFailsFast() {
        DatabaseSettings nowhere = new DatabaseSettings(
                Database.POSTGRESQL, "jdbc:postgresql://127.0.0.1:9/test", "postgres", "");
        long start = System.nanoTime();

        assertThatThrownBy(() -> Relmap.open(nowhere, "bootstrap-nowhere", Map.of(), NarrowWidget.class))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("Cannot use postgresql at jdbc:postgresql://127.0.0.1:9/test as user 'postgres'")
                .hasMessageContaining("relmap.url");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("names the accepted values when relmap.db is unknown")
    void unknownDatabase() {
        assertThatThrownBy(() -> Database.fromKey("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown database 'oracle': expected one of h2, postgresql, mariadb");
        assertThat(Database.fromKey(" MariaDB ")).isEqualTo(Database.MARIADB);
    }

    private static long count(RelmapUnit unit) {
        return unit.entityManagerFactory().callInTransaction(
                em -> em.createQuery("select count(*) from Widget", Long.class).getSingleResult());
    }
}
