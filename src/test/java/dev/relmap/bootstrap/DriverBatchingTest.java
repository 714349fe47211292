package dev.relmap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * relmap's pool sends a JDBC batch of INSERTs as few statements as the driver can: on PostgreSQL
 * pgjdbc's {@code reWriteBatchedInserts} folds the batch into multi-row INSERTs, which reports each
 * row's count as {@link Statement#SUCCESS_NO_INFO}; without it every row comes back as 1. The
 * benchmarks measured what it buys (README, "Benchmarks").
 */
@DisplayName("relmap's pool and the driver's batch rewriting")
class DriverBatchingTest {

    private static final DatabaseSettings SETTINGS = DatabaseSettings.current();

    @Entity(name = "Gadget")
    @Table(name = "gadget")
    static class Gadget {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String name;
    }

    @Test
    @DisplayName("on PostgreSQL, a batch of INSERTs is rewritten into multi-row INSERTs (reWriteBatchedInserts)")
    void postgresqlRewritesBatchedInserts() throws Exception {
        assumeTrue(SETTINGS.database() == Database.POSTGRESQL,
                "reWriteBatchedInserts is pgjdbc's; H2 has no batch rewriting and MariaDB Connector/J 3.x"
                        + " sends batched INSERTs as one bulk command by default (useBulkStmtsForInserts)");
        try (RelmapUnit unit = Relmap.unit("bootstrap-batching", Gadget.class).recreateSchemaAndOpen(SETTINGS);
                Connection connection = unit.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into gadget (id, name) values (?, ?)")) {
            for (int i = 1; i <= 3; i++) {
                insert.setLong(1, i);
                insert.setString(2, "gadget " + i);
                insert.addBatch();
            }

            int[] counts = insert.executeBatch();
            connection.rollback();

            assertThat(counts).containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO,
                    Statement.SUCCESS_NO_INFO);
        }
    }
}
