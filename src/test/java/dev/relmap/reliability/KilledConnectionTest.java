package dev.relmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.catalog.PatternUnits;
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.SampleData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.RollbackException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The connection dies in the middle of a transaction — the server ends the session, as
 * PostgreSQL's {@code pg_terminate_backend} and MariaDB's {@code KILL} do — after the author and
 * its books were flushed but before the commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A connection killed mid-transaction")
class KilledConnectionTest {

    private final DatabaseSettings settings = DatabaseSettings.current();
    private RelmapUnit unit;

    @BeforeAll
    void open() {
        assumeTrue(settings.database() != Database.H2, "H2 in memory has no server session to end: its"
                + " ABORT_SESSION leaves a connection the pool does not recognise as dead (SQLState 90121)");
        unit = PatternUnits.unit(new OneToManyPattern()).named("reliability-killed").recreateSchemaAndOpen(settings);
    }

    @AfterAll
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    @BeforeEach
    void empty() {
        unit.entityManagerFactory().runInTransaction(SampleData::clear);
    }

    @Test
    @DisplayName("fails the commit with a RollbackException carrying the driver's connection error, and commits nothing")
    void failsAndCommitsNothing() {
        Throwable failure = catchThrowable(() -> unit.entityManagerFactory().runInTransaction(entityManager -> {
            entityManager.persist(SampleData.author(1, 3));
            entityManager.flush();
            killOwnSession(entityManager);
        }));

        // Hibernate 7.4 does not translate a failed commit into JDBCConnectionException: the
        // driver's own error, with its SQLState, is the evidence of what happened.
        assertThat(failure).isInstanceOf(RollbackException.class);
        assertThat(failure.getCause()).isInstanceOf(TransactionException.class)
                .hasMessage("Unable to commit against JDBC Connection");
        assertThat(failure.getCause().getCause()).isInstanceOfSatisfying(SQLException.class,
                driverError -> assertThat(driverError.getSQLState()).isEqualTo(switch (settings.database()) {
                    case POSTGRESQL -> "57P01"; // admin_shutdown: "terminating connection due to administrator command"
                    case MARIADB -> "08000"; // connection exception: "Socket error"
                    case H2 -> throw new IllegalStateException("not run on H2");
                }));
        assertThat(authors()).isZero();
    }

    @Test
    @DisplayName("leaves the pool whole: the next operations succeed on fresh connections")
    void poolRecovers() {
        catchThrowable(() -> unit.entityManagerFactory().runInTransaction(entityManager -> {
            entityManager.persist(SampleData.author(1, 3));
            entityManager.flush();
            killOwnSession(entityManager);
        }));

        // More operations than the pool has connections, so a dead one handed out again would show.
        for (int i = 1; i <= 6; i++) {
            int number = i;
            unit.entityManagerFactory().runInTransaction(em -> em.persist(SampleData.author(number, 1)));
        }

        assertThat(authors()).isEqualTo(6);
    }

    /** Ends this EntityManager's own database session from a second connection, as an operator would. */
    private void killOwnSession(EntityManager entityManager) {
        Database database = settings.database();
        Object session = entityManager.createNativeQuery(switch (database) {
            case POSTGRESQL -> "select pg_backend_pid()";
            case MARIADB -> "select connection_id()";
            case H2 -> throw new IllegalStateException("not run on H2");
        }).getSingleResult();
        try (Connection other = unit.dataSource().getConnection(); Statement statement = other.createStatement()) {
            statement.execute(switch (database) {
                case POSTGRESQL -> "select pg_terminate_backend(" + ((Number) session).longValue() + ")";
                case MARIADB -> "kill " + ((Number) session).longValue();
                case H2 -> throw new IllegalStateException("not run on H2");
            });
            other.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not end session " + session, e);
        }
    }

    private long authors() {
        return unit.entityManagerFactory().callInTransaction(
                em -> em.createQuery("select count(a) from Author a", Long.class).getSingleResult());
    }
}
