package dev.relmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.Strategy;
import dev.relmap.tour.Tour;
import dev.relmap.tour.TourOptions;
import dev.relmap.tour.TourTestPattern;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The database goes away in the middle of the tour and comes back: the tour stops with one line
 * that says so, within seconds, and the next run works. The server is reached through a
 * {@link TcpProxy} that can drop every connection, as a stopped server does.
 */
@DisplayName("The tour, when the database goes away and comes back")
class TourOutageTest {

    private final DatabaseSettings real = DatabaseSettings.current();
    private TcpProxy proxy;
    private String url;
    private String previousUrl;

    @BeforeEach
    void proxy() throws IOException {
        assumeTrue(real.database() != Database.H2, "H2 in memory runs inside the JVM: there is no server to lose");
        proxy = TcpProxy.inFrontOf(real.url());
        url = proxy.proxied(real.url());
        previousUrl = System.getProperty("relmap.url");
        System.setProperty("relmap.url", url);
    }

    @AfterEach
    void restore() throws IOException {
        if (proxy != null) {
            proxy.close();
            if (previousUrl == null) {
                System.clearProperty("relmap.url");
            } else {
                System.setProperty("relmap.url", previousUrl);
            }
        }
    }

    @Test
    @DisplayName("stops with one line naming the database, not a hang or a stack trace, and the next run works")
    void stopsClearlyThenRecovers() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Tour tour = new Tour(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        OutagePattern outage = new OutagePattern(proxy);

        int code = tour.run(options(), List.of(outage));

        Duration stopping = Duration.ofNanos(System.nanoTime() - outage.wentAway);
        assertThat(code).isEqualTo(Tour.FAILED);
        assertThat(stopping).isLessThan(Duration.ofSeconds(30));
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("relmap tour: Lost the connection to " + real.database().key() + " at " + url)
                .contains("during pattern outage")
                .endsWith("(start the server and run the tour again)");

        proxy.comeBack();
        int again = new Tour(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(options(), List.of(new TourTestPattern()));

        assertThat(again).isEqualTo(Tour.OK);
    }

    private TourOptions options() {
        return TourOptions.parse("--db", real.database().key(), "--n", "2", "--no-report");
    }

    /** The tour's test pattern, whose one strategy loses the server before it queries. */
    private static final class OutagePattern extends TourTestPattern {

        private final TcpProxy proxy;
        private volatile long wentAway;

        OutagePattern(TcpProxy proxy) {
            this.proxy = proxy;
        }

        @Override
        public String name() {
            return "outage";
        }

        @Override
        public List<Strategy> strategies() {
            return List.of(new Strategy("lazy (N+1)", "Loses the server, then queries.", CountFormula.constant(1),
                    CountFormula.constant(0), Strategy.NPlusOne.NEVER, entityManager -> {
                        try {
                            wentAway = System.nanoTime();
                            proxy.goAway();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return entityManager.createQuery("select count(*) from Shelf", Long.class)
                                .getSingleResult().intValue();
                    }));
        }
    }
}
