package dev.relmap.sqlcount;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Deterministic data for the kit's own tests: N parents with M children each. */
final class KitFixture {

    private KitFixture() {
    }

    static RelmapUnit open() {
        return Relmap.unit("kit", Parent.class, Child.class).recreateSchemaAndOpen(DatabaseSettings.current());
    }

    /**
     * A DataSource of the application's own that nobody passed to {@link SqlCount#wrap}: an H2
     * database in memory, kept open between connections. Not Hibernate's built-in pool, which warns
     * that it is not for production use (HHH10001002).
     */
    static DataSource unwrappedDataSource(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    static List<Long> seed(RelmapUnit unit, int parents, int childrenEach) {
        List<Parent> saved = new ArrayList<>();
        unit.entityManagerFactory().runInTransaction(em -> {
            for (int p = 1; p <= parents; p++) {
                Parent parent = new Parent("parent " + p);
                for (int c = 1; c <= childrenEach; c++) {
                    parent.addChild(new Child("child " + p + "." + c));
                }
                em.persist(parent);
                saved.add(parent);
            }
        });
        return saved.stream().map(Parent::getId).toList();
    }

    static void clear(RelmapUnit unit) {
        unit.entityManagerFactory().runInTransaction(em -> {
            em.createQuery("delete from Child").executeUpdate();
            em.createQuery("delete from Parent").executeUpdate();
        });
    }

    /**
     * Runs {@code work} on {@code worker} and returns its result. The work needs a connection and
     * runs a statement, each bounded by the pool's and the driver's timeouts, so this waits longer
     * than both together: if the worker fails, its own failure is what the test reports.
     */
    static <T> T onWorker(ExecutorService worker, Callable<T> work) throws Exception {
        Duration wait = Relmap.DEFAULT_CONNECTION_TIMEOUT.plus(Relmap.DEFAULT_SOCKET_TIMEOUT).plusSeconds(30);
        Future<T> result = worker.submit(work);
        try {
            return result.get(wait.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("the worker thread had not ended after " + wait.toSeconds() + " s", e);
        }
    }

    static long count(EntityManager em, String entity) {
        return em.createQuery("select count(*) from " + entity, Long.class).getSingleResult();
    }
}
