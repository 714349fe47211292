package dev.relmap.cluster;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL 15 primary (127.0.0.1:15432) and hot standby (127.0.0.1:15433) that
 * {@code .ci/cluster start standby} starts, as settings relmap opens units with; the schema prefix
 * is the build's own ({@code relmap.schemaPrefix}).
 */
final class StandbyNodes {

    static final String PRIMARY_URL = "jdbc:postgresql://127.0.0.1:15432/test";
    static final String STANDBY_URL = "jdbc:postgresql://127.0.0.1:15433/test";
    /** The standby first, the primary when no standby answers: pgjdbc's own choice of host. */
    static final String STANDBY_OR_PRIMARY_URL =
            "jdbc:postgresql://127.0.0.1:15433,127.0.0.1:15432/test?targetServerType=preferSecondary";

    /** How long a test waits for the standby to replay what the primary committed. */
    static final Duration REPLAY_WAIT = Duration.ofSeconds(30);

    private StandbyNodes() {
    }

    static DatabaseSettings primary() {
        return settings(PRIMARY_URL);
    }

    static DatabaseSettings standby() {
        return settings(STANDBY_URL);
    }

    static DatabaseSettings standbyOrPrimary() {
        return settings(STANDBY_OR_PRIMARY_URL);
    }

    private static DatabaseSettings settings(String url) {
        return new DatabaseSettings(Database.POSTGRESQL, url, "postgres", "", DatabaseSettings.current().schemaPrefix());
    }

    /** For {@code @EnabledIf(value = UP, disabledReason = DOWN)} on a test class that needs the pair. */
    static final String UP = "dev.relmap.cluster.StandbyNodes#up";
    static final String DOWN = "no PostgreSQL primary on 127.0.0.1:15432 with a hot standby on 15433"
            + " (start them with .ci/cluster start standby)";

    /** For tests that stop the standby: the pair is up and {@code .ci/cluster} can reach its data directory. */
    static final String CONTROLLABLE = "dev.relmap.cluster.StandbyNodes#controllable";
    static final String NOT_CONTROLLABLE = "no hot standby that .ci/cluster can stop: start one with"
            + " .ci/cluster start standby, and export the RELMAP_CLUSTER_DIR it was started with";

    static boolean up() {
        try {
            return "f".equals(value(PRIMARY_URL, "select pg_is_in_recovery()"))
                    && "t".equals(value(STANDBY_URL, "select pg_is_in_recovery()"));
        } catch (SQLException unreachable) {
            return false;
        }
    }

    static boolean controllable() {
        String dir = System.getenv("RELMAP_CLUSTER_DIR");
        Path cluster = dir == null || dir.isBlank() ? Path.of("target", "cluster") : Path.of(dir);
        return up() && Files.isDirectory(cluster.resolve("pg").resolve("standby"));
    }

    /** The primary's current WAL position: every commit that returned before the call is at or below it. */
    static String primaryLsn() {
        try {
            return value(PRIMARY_URL, "select pg_current_wal_lsn()::text");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the primary's WAL position: " + e.getMessage(), e);
        }
    }

    /** Waits, at most {@link #REPLAY_WAIT}, until the standby has replayed everything committed on the primary so far. */
    static void awaitReplayed() {
        String lsn = primaryLsn();
        long deadline = System.nanoTime() + REPLAY_WAIT.toNanos();
        try (Connection connection = connect(STANDBY_URL);
                PreparedStatement replayed = connection.prepareStatement(
                        "select pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            replayed.setString(1, lsn);
            while (true) {
                try (ResultSet result = replayed.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The standby has not replayed " + lsn + " after " + REPLAY_WAIT);
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the standby's replay position: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the standby", e);
        }
    }

    /** Runs {@code .ci/cluster} with {@code arguments}, at most 90 s, and fails with its output unless it succeeds. */
    static void cluster(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(".ci/cluster"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 90 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + String.join(" ", command), e);
        }
    }

    static String value(String url, String sql) throws SQLException {
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, properties);
    }
}
