package dev.relmap.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The three nodes of the Galera cluster {@code .ci/cluster start galera} starts (SQL on
 * 127.0.0.1:13306, 13307 and 13308), as settings relmap opens units with; the schema prefix is the
 * build's own ({@code relmap.schemaPrefix}).
 */
final class GaleraNodes {

    static final List<Integer> PORTS = List.of(13306, 13307, 13308);

    private GaleraNodes() {
    }

    /** Settings for node {@code i} (0, 1 or 2). */
    static DatabaseSettings node(int i) {
        return new DatabaseSettings(Database.MARIADB, "jdbc:mariadb://127.0.0.1:" + PORTS.get(i) + "/test",
                "root", "", DatabaseSettings.current().schemaPrefix());
    }

    static List<DatabaseSettings> all() {
        return IntStream.range(0, PORTS.size()).mapToObj(GaleraNodes::node).toList();
    }

    /** Skips the calling test class, with the reason, unless all three nodes are up and joined. */
    static void assumeUp() {
        assumeTrue(up(), "no 3-node Galera cluster on 127.0.0.1:13306-13308 (start one with .ci/cluster start galera)");
    }

    private static boolean up() {
        for (DatabaseSettings node : all()) {
            Properties properties = new Properties();
            properties.setProperty("user", node.user());
            properties.setProperty("password", node.password());
            properties.setProperty("connectTimeout", "2000");
            try (Connection connection = DriverManager.getConnection(node.url(), properties);
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
