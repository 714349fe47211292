package dev.relmap.cluster;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The three nodes of the Galera cluster {@code .ci/cluster start galera} starts (SQL on
 * 127.0.0.1:13306, 13307 and 13308), as settings relmap opens units with; the schema prefix is the
 * build's own ({@code relmap.schemaPrefix}).
 */
public final class GaleraNodes {

    public static final List<Integer> PORTS = List.of(13306, 13307, 13308);

    private GaleraNodes() {
    }

    /** Settings for node {@code i} (0, 1 or 2). */
    public static DatabaseSettings node(int i) {
        return new DatabaseSettings(Database.MARIADB, "jdbc:mariadb://127.0.0.1:" + PORTS.get(i) + "/test",
                "root", "", DatabaseSettings.current().schemaPrefix());
    }

    public static List<DatabaseSettings> all() {
        return IntStream.range(0, PORTS.size()).mapToObj(GaleraNodes::node).toList();
    }

    /**
     * Node {@code i} with causal reads: every connection sets {@code wsrep_sync_wait = 1}, so each
     * {@code SELECT} first waits until the node has applied what the cluster committed before it.
     * A retried transaction then reads the commit it lost to, as it would on one server.
     */
    public static DatabaseSettings causalReads(int i) {
        DatabaseSettings node = node(i);
        return new DatabaseSettings(node.database(), node.url() + "?sessionVariables=wsrep_sync_wait=1", node.user(),
                node.password(), node.schemaPrefix());
    }

    /** For {@code @EnabledIf(value = UP, disabledReason = DOWN)} on a test class that needs the cluster. */
    public static final String UP = "dev.relmap.cluster.GaleraNodes#up";
    public static final String DOWN = "no 3-node Galera cluster on 127.0.0.1:13306-13308 (start one with .ci/cluster start galera)";

    /**
     * Waits until every node has applied what any node committed before the call. Galera certifies
     * a commit on all nodes before it returns but applies it on the others a moment later, DDL
     * included: a unit that writes through node 2 right after node 3 recreated the tables could
     * find none. A {@code SELECT} under {@code wsrep_sync_wait = 1} first waits for its node to
     * catch up with the cluster.
     */
    public static void awaitApplied() {
        for (DatabaseSettings node : all()) {
            try (Connection connection = connect(node);
                    Statement statement = connection.createStatement()) {
                statement.execute("set session wsrep_sync_wait = 1");
                statement.executeQuery("select 1").close();
            } catch (SQLException e) {
                throw new IllegalStateException("Galera node " + node.url() + " did not catch up: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The pid file {@code .ci/cluster} wrote for node {@code i} (0, 1 or 2), under
     * {@code RELMAP_CLUSTER_DIR} as the script reads it ({@code target/cluster} when unset).
     */
    public static Path pidFile(int i) {
        String dir = System.getenv("RELMAP_CLUSTER_DIR");
        return Path.of(dir == null || dir.isBlank() ? "target/cluster" : dir, "galera", "node" + (i + 1), "mariadbd.pid");
    }

    /** A plain JDBC connection to {@code node}, outside any unit, that gives up connecting after 2 s. */
    public static Connection connect(DatabaseSettings node) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", node.user());
        properties.setProperty("password", node.password());
        properties.setProperty("connectTimeout", "2000");
        return DriverManager.getConnection(node.url(), properties);
    }

    /** Whether all three nodes answer and report a cluster of three. */
    public static boolean up() {
        for (DatabaseSettings node : all()) {
            try (Connection connection = connect(node);
                    Statement statement = connection.createStatement();
                    ResultSet size = statement.executeQuery("select variable_value from information_schema.global_status"
                            + " where variable_name = 'WSREP_CLUSTER_SIZE'")) {
                if (!size.next() || size.getInt(1) != PORTS.size()) {
                    return false;
                }
            } catch (SQLException unreachable) {
                return false;
            }
        }
        return true;
    }
}
