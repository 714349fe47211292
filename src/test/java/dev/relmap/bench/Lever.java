package dev.relmap.bench;

import dev.relmap.bench.Seeded.Pool;
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.Book;
import dev.relmap.pattern.Strategy;
import dev.relmap.sqlcount.SqlCountIntegrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.hibernate.CacheMode;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.ManagedEntity;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.internal.QueryInterpretationCacheDisabledImpl;

/**
 * The levers tried on the entity gap: each changes one thing about how Hibernate reads, and
 * {@link ReadBenchmark} measures it beside the read as relmap ships it ({@link #NONE}).
 */
enum Lever {

    /** The strategy as relmap declares it, on the chosen pool. */
    NONE("none"),

    /** {@code Session.setDefaultReadOnly(true)}: entities are loaded without a snapshot to dirty-check. */
    READ_ONLY("read-only session"),

    /** {@code hibernate.jdbc.fetch_size=1000} on every statement (the drivers' default reads every row at once). */
    FETCH_SIZE("fetch size 1000"),

    /** {@code hibernate.query.plan_cache_enabled=false}: every query is parsed and translated again. */
    NO_PLAN_CACHE("no query plan cache"),

    /** The kit's listeners switched off ({@value SqlCountIntegrator#WATCH}{@code =false}). */
    NO_WATCHER("no kit listeners"),

    /** One-to-many's JOIN FETCH in a {@code StatelessSession}: no persistence context at all. */
    STATELESS("StatelessSession"),

    /** {@code Session.setHibernateFlushMode(MANUAL)}: no auto-flush check before each query. */
    FLUSH_MANUAL("flush mode MANUAL"),

    /** {@code Session.setCacheMode(IGNORE)}: the second-level cache (off in relmap) neither read nor written. */
    CACHE_IGNORE("cache mode IGNORE"),

    /**
     * One-to-many's JOIN FETCH on a copy of its mapping, the columns mapped as the shipped entities
     * map them (no {@code @NaturalId}): what reading a copy costs against the shipped classes.
     */
    NO_NATURAL_ID("copy, no @NaturalId"),

    /** The same copy with {@code @NaturalId} on email and isbn, as relmap mapped them until 0.2.0. */
    NATURAL_ID("copy with @NaturalId (0.2.0)"),

    /** The same copy, bytecode-enhanced: {@code ManagedEntity}, dirty tracking. */
    ENHANCED("no @NaturalId + enhancement"),

    /** The enhanced copy in a read-only session on a factory without the kit's listeners. */
    COMBINED("no @NaturalId + enhancement + read-only + no kit listeners");

    final String label;

    Lever(String label) {
        this.label = label;
    }

    static Lever of(String label) {
        for (Lever lever : values()) {
            if (lever.label.equals(label)) {
                return lever;
            }
        }
        throw new IllegalArgumentException("Unknown lever '" + label + "'");
    }

    /** The read this lever makes of {@code strategy}, rows counted as the strategy counts them. */
    Callable<Integer> read(Seeded seeded, Pool pool, Strategy strategy) {
        if (this != NONE && this != READ_ONLY && pool != Pool.RAW) {
            throw new IllegalArgumentException("The lever '" + label + "' is measured on the raw pool only");
        }
        boolean rewritesJoinFetch = this == STATELESS || this == NO_NATURAL_ID || this == NATURAL_ID
                || this == ENHANCED || this == COMBINED;
        if (rewritesJoinFetch && !(seeded.pattern.name().equals("one-to-many") && strategy.name().equals("JOIN FETCH"))) {
            throw new IllegalArgumentException("The lever '" + label + "' rewrites one-to-many's JOIN FETCH only, not "
                    + seeded.pattern.name() + " / " + strategy.name());
        }
        List<Class<?>> relmap = seeded.spec.entityClasses();
        return switch (this) {
            case NONE -> inTransaction(seeded.entityManagerFactory(pool), false, strategy.run());
            case READ_ONLY -> inTransaction(seeded.entityManagerFactory(pool), true, strategy.run());
            case FETCH_SIZE -> inTransaction(seeded.factoryOnRawPool(relmap,
                    Map.of(AvailableSettings.STATEMENT_FETCH_SIZE, 1000)), false, strategy.run());
            case NO_PLAN_CACHE -> inTransaction(withoutPlanCache(seeded, relmap), false, strategy.run());
            case NO_WATCHER -> inTransaction(seeded.factoryOnRawPool(relmap,
                    Map.of(SqlCountIntegrator.WATCH, "false")), false, strategy.run());
            case STATELESS -> stateless(seeded.entityManagerFactory(Pool.RAW));
            case FLUSH_MANUAL -> inSession(seeded.entityManagerFactory(pool),
                    session -> session.setHibernateFlushMode(FlushMode.MANUAL), strategy.run());
            case CACHE_IGNORE -> inSession(seeded.entityManagerFactory(pool),
                    session -> session.setCacheMode(CacheMode.IGNORE), strategy.run());
            case NO_NATURAL_ID -> inTransaction(copy(seeded, OneToManyCopies.LEAN, false, false, Map.of()), false,
                    entityManager -> OneToManyCopies.joinFetch(entityManager, OneToManyCopies.LeanAuthor.class));
            case NATURAL_ID -> inTransaction(copy(seeded, OneToManyNaturalIds.CLASSES, false, true, Map.of()), false,
                    entityManager -> OneToManyCopies.joinFetch(entityManager, OneToManyNaturalIds.NaturalAuthor.class));
            case ENHANCED -> inTransaction(copy(seeded, OneToManyEnhanced.CLASSES, true, false, Map.of()), false,
                    entityManager -> OneToManyCopies.joinFetch(entityManager, OneToManyEnhanced.EnhancedAuthor.class));
            case COMBINED -> inTransaction(copy(seeded, OneToManyEnhanced.CLASSES, true, false,
                    Map.of(SqlCountIntegrator.WATCH, "false")), true,
                    entityManager -> OneToManyCopies.joinFetch(entityManager, OneToManyEnhanced.EnhancedAuthor.class));
        };
    }

    private static Callable<Integer> inTransaction(EntityManagerFactory factory, boolean readOnly,
            ToIntFunction<EntityManager> work) {
        return inSession(factory, session -> session.setDefaultReadOnly(readOnly), work);
    }

    private static Callable<Integer> inSession(EntityManagerFactory factory, Consumer<Session> setUp,
            ToIntFunction<EntityManager> work) {
        return () -> {
            try (EntityManager entityManager = factory.createEntityManager()) {
                setUp.accept(entityManager.unwrap(Session.class));
                entityManager.getTransaction().begin();
                try {
                    return work.applyAsInt(entityManager);
                } finally {
                    entityManager.getTransaction().rollback();
                }
            }
        };
    }

    /** A factory on a copy of the mapping, after checking the copy is what the lever says. */
    private static EntityManagerFactory copy(Seeded seeded, List<Class<?>> classes, boolean enhanced,
            boolean naturalIds, Map<String, Object> more) {
        for (Class<?> type : classes) {
            if (ManagedEntity.class.isAssignableFrom(type) != enhanced) {
                throw new IllegalStateException(type.getName() + (enhanced ? " is not" : " is")
                        + " bytecode-enhanced: see the hibernate-maven-plugin's includes in the pom");
            }
        }
        EntityManagerFactory factory = seeded.factoryOnRawPool(classes, more);
        var metamodel = factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
        for (Class<?> type : classes) {
            boolean mapsNaturalId = metamodel.getEntityDescriptor(type).getNaturalIdMapping() != null;
            if (mapsNaturalId != naturalIds && type != OneToManyNaturalIds.NaturalAward.class) {
                throw new IllegalStateException(type.getName() + (naturalIds ? " maps no" : " maps a") + " natural id");
            }
        }
        return factory;
    }

    /** A factory whose queries are translated every time, after checking relmap's own caches them. */
    private static EntityManagerFactory withoutPlanCache(Seeded seeded, List<Class<?>> relmap) {
        if (interpretationCache(seeded.entityManagerFactory(Pool.RAW)) instanceof QueryInterpretationCacheDisabledImpl) {
            throw new IllegalStateException("relmap's factory already runs without a query plan cache");
        }
        EntityManagerFactory factory = seeded.factoryOnRawPool(relmap,
                Map.of(AvailableSettings.QUERY_PLAN_CACHE_ENABLED, false));
        if (!(interpretationCache(factory) instanceof QueryInterpretationCacheDisabledImpl)) {
            throw new IllegalStateException("hibernate.query.plan_cache_enabled=false left the plan cache on");
        }
        return factory;
    }

    private static Object interpretationCache(EntityManagerFactory factory) {
        return factory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache();
    }

    /** {@code AuthorRepository.findAllWithBooks}' query, every book's title touched, with no persistence context. */
    private static Callable<Integer> stateless(EntityManagerFactory factory) {
        SessionFactory sessions = factory.unwrap(SessionFactory.class);
        return () -> {
            try (StatelessSession session = sessions.openStatelessSession()) {
                session.getTransaction().begin();
                try {
                    List<Author> authors = session.createSelectionQuery("""
                            select a
                            from Author a
                            left join fetch a.books
                            order by a.id""", Author.class)
                            .getResultList();
                    int books = 0;
                    for (Author author : authors) {
                        for (Book book : author.getBooks()) {
                            books += book.getTitle().length() > 0 ? 1 : 0;
                        }
                    }
                    return books;
                } finally {
                    session.getTransaction().rollback();
                }
            }
        };
    }
}
