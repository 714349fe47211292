package dev.relmap.sqlcount;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/** Deterministic data for the kit's own tests: N parents with M children each. */
final class KitFixture {

    private KitFixture() {
    }

    static RelmapUnit open() {
        return Relmap.unit("kit", Parent.class, Child.class).recreateSchemaAndOpen(DatabaseSettings.current());
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
