package dev.relmap.tour;

import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;

/**
 * A small pattern of the tour's own, so the tour is tested without depending on the real ones:
 * N shelves of two items each, read three ways. It is not registered as a service; tests pass it
 * to the tour explicitly, so {@link MappingPattern#all()} never sees it.
 */
public class TourTestPattern implements MappingPattern {

    static final int ITEMS_PER_SHELF = 2;
    static final int FETCH_BATCH_SIZE = 25;

    static final CountFormula ITEMS = CountFormula.of("2N", n -> n * ITEMS_PER_SHELF);

    private final List<Strategy> strategies;

    public TourTestPattern() {
        this(CountFormula.of("1 + N", n -> 1 + n));
    }

    /** A pattern whose lazy strategy promises {@code lazySelects}, to see the tour catch a wrong promise. */
    TourTestPattern(CountFormula lazySelects) {
        this.strategies = List.of(
                new Strategy("Lazy", "Loads the shelves, then each shelf's items on first touch.",
                        lazySelects, ITEMS, NPlusOne.FROM_TWO_ROOTS, em -> touch(em.createQuery(
                                "select s from Shelf s order by s.id", Shelf.class).getResultList())),
                new Strategy("JOIN FETCH", "One query joins shelves to items.",
                        CountFormula.constant(1), ITEMS, NPlusOne.NEVER, em -> touch(em.createQuery("""
                                select distinct s
                                from Shelf s
                                join fetch s.items
                                order by s.id
                                """, Shelf.class).getResultList())),
                new Strategy("Batch fetch", "Loads the shelves, then items for 25 shelves per query.",
                        CountFormula.of("1 + ⌈N/25⌉", n -> 1 + (n + FETCH_BATCH_SIZE - 1) / FETCH_BATCH_SIZE),
                        ITEMS, NPlusOne.NEVER, em -> {
                            em.unwrap(Session.class).setFetchBatchSize(FETCH_BATCH_SIZE);
                            return touch(em.createQuery("select s from Shelf s order by s.id", Shelf.class)
                                    .getResultList());
                        }));
    }

    @Override
    public String name() {
        return "tour-test";
    }

    @Override
    public String title() {
        return "Tour test: Shelf → Item";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Shelf.class, Item.class);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        for (int i = 1; i <= n; i++) {
            Shelf shelf = new Shelf("shelf " + i);
            for (int j = 1; j <= ITEMS_PER_SHELF; j++) {
                shelf.addItem(new Item("item " + i + "." + j));
            }
            entityManager.persist(shelf);
            if (i % 200 == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
        entityManager.clear();
    }

    @Override
    public List<Strategy> strategies() {
        return strategies;
    }

    /** Reads every item name, as a page listing shelves with their items would. */
    private static int touch(List<Shelf> shelves) {
        return shelves.stream().mapToInt(shelf -> shelf.getItems().stream()
                .mapToInt(item -> item.getName().length() > 0 ? 1 : 0)
                .sum()).sum();
    }
}
