package dev.relmap.onetomany;

import dev.relmap.bootstrap.RelmapUnit;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import java.util.function.Function;

/** The little the tests of this package share: running work in a committed transaction. */
final class OneToManyTesting {

    private OneToManyTesting() {
    }

    /** Runs {@code work} in a new EntityManager and transaction, and commits. */
    static void inTransaction(RelmapUnit unit, Consumer<EntityManager> work) {
        inTransaction(unit, entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /** Runs {@code work} in a new EntityManager and transaction, commits, and returns its result. */
    static <T> T inTransaction(RelmapUnit unit, Function<EntityManager, T> work) {
        EntityManager entityManager = unit.entityManagerFactory().createEntityManager();
        try {
            entityManager.getTransaction().begin();
            T result = work.apply(entityManager);
            entityManager.getTransaction().commit();
            return result;
        } finally {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            entityManager.close();
        }
    }
}
