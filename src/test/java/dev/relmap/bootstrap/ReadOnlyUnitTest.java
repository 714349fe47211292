package dev.relmap.bootstrap;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A unit opened read-only on the schema another unit made: here both on the same database, so the
 * default build checks what does not need a standby; {@code dev.relmap.cluster.StandbyReadsTest}
 * checks the same unit on a PostgreSQL hot standby.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A read-only unit")
class ReadOnlyUnitTest {

    @Entity(name = "Shelf")
    @Table(name = "shelf")
    static class Shelf {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String label;
        @OneToMany(mappedBy = "shelf", cascade = CascadeType.ALL, orphanRemoval = true)
        List<Volume> volumes = new ArrayList<>();

        void add(Volume volume) {
            volumes.add(volume);
            volume.shelf = this;
        }
    }

    @Entity(name = "Volume")
    @Table(name = "volume")
    static class Volume {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String title;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "shelf_id")
        Shelf shelf;
    }

    private static final DatabaseSettings SETTINGS = DatabaseSettings.current();
    private static final UnitSpec SPEC = Relmap.unit("bootstrap-read-only", Shelf.class, Volume.class);

    private RelmapUnit writer;
    private RelmapUnit reader;
    private long shelfId;

    @BeforeAll
    void open() {
        writer = SPEC.recreateSchemaAndOpen(SETTINGS);
        writer.entityManagerFactory().runInTransaction(em -> {
            Shelf shelf = new Shelf();
            shelf.label = "first";
            Volume volume = new Volume();
            volume.title = "one";
            shelf.add(volume);
            em.persist(shelf);
            em.flush();
            shelfId = shelf.id;
        });
        reader = SPEC.openReadOnly(SETTINGS);
    }

    @AfterAll
    void close() {
        if (reader != null) {
            reader.close();
        }
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    @DisplayName("reads the rows the writing unit committed, in the same schema, with its DDL left alone")
    void readsWhatTheWriterWrote() {
        List<String> titles = new ArrayList<>();

        SqlReport report = SqlCount.record(() -> titles.addAll(reader.callInRolledBackTransaction(em -> em
                .createQuery("select v.title from Volume v join v.shelf s where s.label = 'first'", String.class)
                .getResultList())));

        assertThat(titles).containsExactly("one");
        assertThat(report).hasSelectCount(1).hasStatementCount(1);
        assertThat(reader.schema()).isEqualTo(writer.schema());
        assertThat(reader.readOnly()).isTrue();
        assertThat(writer.readOnly()).isFalse();
        assertThat(reader).hasToString("bootstrap-read-only on " + SETTINGS + " (read-only)");
    }

    @Test
    @DisplayName("pools read-only connections")
    void poolsReadOnlyConnections() throws SQLException {
        assertThat(reader.dataSource().unwrap(HikariDataSource.class).isReadOnly()).isTrue();
        assertThat(writer.dataSource().unwrap(HikariDataSource.class).isReadOnly()).isFalse();
    }

    @Test
    @DisplayName("leaves native SQL writes to the server, which refuses them on a read-only connection with SQLState 25006")
    void serverRefusesNativeWrites() {
        assumeThat(SETTINGS.database()).as("H2's driver ignores Connection.setReadOnly").isNotEqualTo(Database.H2);

        assertThatThrownBy(() -> reader.runInRolledBackTransaction(
                em -> em.createNativeQuery("insert into shelf (id, label) values (-1, 'native')").executeUpdate()))
                .rootCause()
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
    }

    @Test
    @DisplayName("refuses persist before any SQL, sequence call included, naming the unit, the operation and the entity")
    void refusesPersistBeforeAnySql() {
        Shelf shelf = new Shelf();
        shelf.label = "second";

        SqlReport report = SqlCount.record(() -> assertThatThrownBy(
                () -> reader.runInRolledBackTransaction(em -> em.persist(shelf)))
                .isInstanceOf(ReadOnlyUnitException.class)
                .hasMessage("Unit 'bootstrap-read-only' is read-only: persist of Shelf refused before any SQL;"
                        + " write through the unit opened on the primary")
                .satisfies(e -> {
                    ReadOnlyUnitException refused = (ReadOnlyUnitException) e;
                    assertThat(refused.unit()).isEqualTo("bootstrap-read-only");
                    assertThat(refused.operation()).isEqualTo("persist");
                    assertThat(refused.entity()).isEqualTo("Shelf");
                }));

        assertThat(report).hasStatementCount(0);
    }

    @Test
    @DisplayName("refuses a change to a loaded entity at flush, before its UPDATE")
    void refusesDirtyEntityAtFlush() {
        SqlReport report = SqlCount.record(() -> assertThatThrownBy(() -> reader.runInRolledBackTransaction(em -> {
            em.find(Shelf.class, shelfId).label = "renamed";
            em.flush();
        })).isInstanceOf(ReadOnlyUnitException.class).hasMessageContaining("update of Shelf"));

        assertThat(report).hasSelectCount(1).hasUpdateCount(0).hasStatementCount(1);
    }

    @Test
    @DisplayName("refuses a new entity cascaded at flush, before its sequence call, and still lets a flush over loaded rows pass")
    void refusesCascadedNewEntityAtFlush() {
        SqlReport loadedOnly = SqlCount.record(() -> reader.runInRolledBackTransaction(em -> {
            em.find(Shelf.class, shelfId).volumes.size();
            em.flush();
        }));
        SqlReport report = SqlCount.record(() -> assertThatThrownBy(() -> reader.runInRolledBackTransaction(em -> {
            Volume volume = new Volume();
            volume.title = "two";
            em.find(Shelf.class, shelfId).add(volume);
            em.flush();
        })).isInstanceOf(ReadOnlyUnitException.class).hasMessageContaining("persist of Volume"));

        assertThat(loadedOnly).hasSelectCount(2).hasStatementCount(2);
        // Adding to the inverse bag queues the element without loading the bag: the one SELECT is the find.
        assertThat(report).hasSelectCount(1).hasSequenceCallCount(0).hasInsertCount(0).hasStatementCount(1);
    }

    @Test
    @DisplayName("refuses remove and merge when called")
    void refusesRemoveAndMerge() {
        assertThatThrownBy(() -> reader.runInRolledBackTransaction(em -> em.remove(em.find(Shelf.class, shelfId))))
                .isInstanceOf(ReadOnlyUnitException.class).hasMessageContaining("remove of Shelf");
        Shelf detached = reader.callInRolledBackTransaction(em -> em.find(Shelf.class, shelfId));
        assertThatThrownBy(() -> reader.runInRolledBackTransaction(em -> em.merge(detached)))
                .isInstanceOf(ReadOnlyUnitException.class).hasMessageContaining("merge of Shelf");
    }

    @Test
    @DisplayName("refuses to open on a schema that does not exist, saying where to make it")
    void refusesMissingSchema() {
        assertThatThrownBy(() -> SPEC.named("bootstrap-never-made").openReadOnly(SETTINGS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Schema " + SETTINGS.schemaPrefix() + "bootstrap_never_made does not exist on " + SETTINGS
                        + ": a read-only unit reads a schema made elsewhere; open the unit with"
                        + " recreateSchemaAndOpen on the primary first, and let the replica replay it");
    }
}
