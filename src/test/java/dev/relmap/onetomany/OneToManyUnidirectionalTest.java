package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pitfall: a unidirectional {@code @OneToMany} (no {@code mappedBy}) costs more to write than
 * relmap's bidirectional mapping, whose parent with M children is 1 + M INSERTs and nothing else
 * ({@link OneToManyWritesTest}). Sequence calls are counted there; here only the writes are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyUnidirectionalTest {

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        unit = Relmap.unit("one-to-many-unidirectional", Shelf.class, ShelfItem.class, Box.class, BoxItem.class)
                .recreateSchemaAndOpen(DatabaseSettings.current());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("pitfall: with @JoinColumn, M children cost 1 + M INSERTs and then M UPDATEs to set the key")
    void aJoinColumnCostsAnUpdatePerChild(int m) {
        SqlReport report = persistAndFlush(() -> {
            Shelf shelf = new Shelf();
            for (int i = 0; i < m; i++) {
                shelf.items.add(new ShelfItem());
            }
            return shelf;
        });

        assertThat(report).hasInsertCount(1 + m).hasUpdateCount(m).hasSelectCount(0).hasDeleteCount(0);
    }

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("pitfall: with a join table, M children cost 1 + 2M INSERTs: one per child, one per link")
    void aJoinTableCostsAnInsertPerLink(int m) {
        SqlReport report = persistAndFlush(() -> {
            Box box = new Box();
            for (int i = 0; i < m; i++) {
                box.items.add(new BoxItem());
            }
            return box;
        });

        assertThat(report).hasInsertCount(1 + 2 * m).hasUpdateCount(0).hasSelectCount(0).hasDeleteCount(0);
    }

    private SqlReport persistAndFlush(Supplier<Object> parent) {
        return unit.callInRolledBackTransaction(entityManager -> SqlCount.record(() -> {
            entityManager.persist(parent.get());
            entityManager.flush();
        }));
    }

    @Entity(name = "Shelf")
    @Table(name = "shelf")
    static class Shelf {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
        @JoinColumn(name = "shelf_id", nullable = false)
        List<ShelfItem> items = new ArrayList<>();
    }

    @Entity(name = "ShelfItem")
    @Table(name = "shelf_item")
    static class ShelfItem {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
    }

    @Entity(name = "Box")
    @Table(name = "box")
    static class Box {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
        List<BoxItem> items = new ArrayList<>();
    }

    @Entity(name = "BoxItem")
    @Table(name = "box_item")
    static class BoxItem {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
    }
}
