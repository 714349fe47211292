package dev.relmap.sqlcount;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.bootstrap.RelmapUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the kit costs per statement, side by side in one JVM: the raw pool, the kit wrapped around it
 * without and with a recording, and datasource-proxy counting queries around the same pool. Each
 * statement is what Hibernate does for a tiny read: prepare, bind one value, execute, read one row,
 * close. The variants take turns, several rounds, and each keeps its median round. Timing depends
 * on the machine, so it runs only when asked and prints ratios:
 * {@code mvn test -Dtest=KitOverheadTest -Drelmap.kit.overhead=true}.
 */
@DisplayName("The kit's overhead")
@EnabledIfSystemProperty(named = "relmap.kit.overhead", matches = "true")
class KitOverheadTest {

    private static final int STATEMENTS = 20_000;
    private static final int ROUNDS = 9;

    @Test
    @DisplayName("per statement, against the raw pool and datasource-proxy")
    void perStatement() throws Exception {
        try (RelmapUnit unit = KitFixture.open()) {
            DataSource kit = unit.dataSource();
            DataSource pool = kit.unwrap(HikariDataSource.class);
            DataSource proxy = ProxyDataSourceBuilder.create(pool).countQuery().build();
            Map<String, List<Long>> nanos = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS + 2; round++) {
                measure(nanos, "raw pool", pool, false, round);
                measure(nanos, "kit, not recording", kit, false, round);
                measure(nanos, "kit, recording", kit, true, round);
                measure(nanos, "datasource-proxy (countQuery)", proxy, false, round);
            }
            double raw = median(nanos.get("raw pool"));
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                    "%n%d statements × %d rounds on %s (median round, first 2 rounds discarded)%n",
                    STATEMENTS, ROUNDS, unit.settings().database()));
            nanos.forEach((name, times) -> table.append(String.format(Locale.ROOT, "  %-32s %7.2f µs  %5.2f×%n",
                    name, median(times) / STATEMENTS / 1000.0, median(times) / raw)));
            System.out.println(table);
            assertThat(nanos).hasSize(4);
        }
    }

    private static void measure(Map<String, List<Long>> nanos, String name, DataSource source, boolean record, int round)
            throws Exception {
        try (Connection connection = source.getConnection()) {
            long start = System.nanoTime();
            if (record) {
                SqlReport report = SqlCount.record(() -> run(connection));
                assertThat(report.selects()).isEqualTo(STATEMENTS);
            } else {
                run(connection);
            }
            long took = System.nanoTime() - start;
            if (round >= 2) {
                nanos.computeIfAbsent(name, key -> new ArrayList<>()).add(took);
            } else {
                nanos.putIfAbsent(name, new ArrayList<>());
            }
            connection.rollback();
        }
    }

    private static void run(Connection connection) throws SQLException {
        for (int i = 0; i < STATEMENTS; i++) {
            try (PreparedStatement statement = connection.prepareStatement("select id from kit_parent where id = ?")) {
                statement.setLong(1, i);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                }
            }
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
