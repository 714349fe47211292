package dev.relmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.OneToManyPattern;
import dev.relmap.catalog.PatternUnits;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The route to the server goes dead in the middle of a transaction: the connection stays open but
 * nothing comes back, as behind a firewall that drops packets. Without a read timeout the query
 * waits for as long as the operating system keeps the socket; with {@link Relmap#SOCKET_TIMEOUT}
 * it fails once the timeout has passed.
 */
@DisplayName("A query sent into a network black hole")
class BlackHoleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseSettings real = DatabaseSettings.current();
    private TcpProxy proxy;
    private RelmapUnit unit;

    @BeforeEach
    void open() throws IOException {
        assumeTrue(real.database() != Database.H2, "H2 in memory runs inside the JVM: there is no network to lose");
        proxy = TcpProxy.inFrontOf(real.url());
        DatabaseSettings proxied = new DatabaseSettings(real.database(),
                proxy.proxied(real.url()),
                real.user(), real.password(), real.schemaPrefix());
        unit = PatternUnits.unit(new OneToManyPattern()).named("reliability-black-hole")
                .property(Relmap.SOCKET_TIMEOUT, TIMEOUT)
                .recreateSchemaAndOpen(proxied);
    }

    @AfterEach
    void close() throws IOException {
        // The server first, as an operator would clear the route: closing the unit then finds its
        // connections reset at once instead of writing into the void.
        if (proxy != null) {
            proxy.close();
        }
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    @DisplayName("fails with a connection error caused by a read timeout once the socket timeout has passed, not a hang")
    void failsWithinTheTimeout() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (EntityManager entityManager = unit.entityManagerFactory().createEntityManager()) {
                entityManager.getTransaction().begin();
                assertThat(authors(entityManager)).isZero();
                proxy.blackHole();
                long start = System.nanoTime();

                Throwable failure = catchThrowable(() -> authors(entityManager));

                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                assertThat(waited).isBetween(TIMEOUT, TIMEOUT.plusSeconds(3));
                assertThat(failure).hasRootCauseInstanceOf(SocketTimeoutException.class)
                        .asInstanceOf(InstanceOfAssertFactories.type(JDBCConnectionException.class))
                        .extracting(JDBCConnectionException::getSQLState)
                        .isEqualTo(switch (real.database()) {
                            case POSTGRESQL -> "08006"; // connection_failure: "An I/O error occurred while sending to the backend"
                            case MARIADB -> "08000";
                            case H2 -> throw new IllegalStateException("not run on H2");
                        });
            }
        });
    }

    private static long authors(EntityManager entityManager) {
        return entityManager.createQuery("select count(a) from Author a", Long.class).getSingleResult();
    }
}
