package dev.relmap.sqlcount;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
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

    static long count(EntityManager em, String entity) {
        return em.createQuery("select count(*) from " + entity, Long.class).getSingleResult();
    }
}
