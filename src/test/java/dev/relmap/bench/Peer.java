package dev.relmap.bench;

import dev.relmap.bench.Seeded.Pool;
import dev.relmap.bootstrap.Database;
import dev.relmap.manytomany.link.Book;
import dev.relmap.manytomany.link.BookAuthorLink;
import dev.relmap.manytomany.link.ManyToManyJdbcBaseline;
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.OneToManyJdbcBaseline.AuthorRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * What users would write instead of relmap, read side by side with its strategies and JDBC floor
 * in {@link ReadBenchmark}: the same rows (checked by {@code OneToManyPeersTest} and
 * {@code ManyToManyPeersTest} against the floor's), read through Spring Data JPA, jOOQ, or a
 * mapping with Hibernate's defaults. Each is named {@code peer: …} in the report and has the JDBC
 * read of its pattern's entity strategies as its floor.
 */
enum Peer {

    /** {@link SpringDataAuthors}' inherited {@code findAll()}, then every author's books touched: 1 + N. */
    SPRING_DATA_AUTHORS("one-to-many", "Spring Data findAll (N+1)") {
        @Override
        Callable<Integer> read(Seeded seeded, Pool pool) {
            SpringDataPeer spring = seeded.keep(SpringDataPeer.authors(seeded.entityManagerFactory(pool)));
            return () -> spring.read(SpringDataAuthors.class, authors -> touchBooks(authors.findAll()));
        }
    },

    /** {@link SpringDataAuthors#findAllWithBooksBy()}: the authors and their books in 1 SELECT. */
    SPRING_DATA_AUTHORS_GRAPH("one-to-many", "Spring Data @EntityGraph") {
        @Override
        Callable<Integer> read(Seeded seeded, Pool pool) {
            SpringDataPeer spring = seeded.keep(SpringDataPeer.authors(seeded.entityManagerFactory(pool)));
            return () -> spring.read(SpringDataAuthors.class, authors -> touchBooks(authors.findAllWithBooksBy()));
        }
    },

    /** {@link JooqPeer#authorsWithBooks}: 1 statement, the books nested with MULTISET. */
    JOOQ_AUTHORS("one-to-many", "jOOQ MULTISET") {
        @Override
        Callable<Integer> read(Seeded seeded, Pool pool) {
            var dataSource = seeded.dataSource(pool);
            Database database = Database.current();
            return () -> JooqPeer.read(dataSource, database, sql -> countBooks(JooqPeer.authorsWithBooks(sql)));
        }
    },

    /** {@link OneToManyDefaults#findAllThenTouchBooks}: the mapping a user writes first, 1 + N. */
    DEFAULTS_AUTHORS("one-to-many", "Hibernate defaults (N+1)") {
        @Override
        Callable<Integer> read(Seeded seeded, Pool pool) {
            return inRolledBackTransaction(seeded.factoryOver(pool, OneToManyDefaults.CLASSES), entityManager ->
                    OneToManyDefaults.findAllThenTouchBooks(entityManager).stream()
                            .mapToInt(author -> author.getBooks().size()).sum());
        }
    },

    /** {@link SpringDataBooks}' inherited {@code findAll()}, then every book's credits touched. */
    SPRING_DATA_BOOKS("many-to-many", "Spring Data findAll (N+1)") {
        @Override
        Callable<Integer> read(Seeded seeded, Pool pool) {
            SpringDataPeer spring = seeded.keep(SpringDataPeer.books(seeded.entityManagerFactory(pool)));
            return () -> spring.read(SpringDataBooks.class, books -> touchCredits(books.findAll()));
        }
    },

    /** {@link SpringDataBooks#findAllWithAuthorsBy()}: books, links and authors in 1 SELECT. */
    SPRING_DATA_BOOKS_GRAPH("many-to-many", "Spring Data @EntityGraph") {
        @Override
        Callable<Integer> read(Seeded seeded, Pool pool) {
            SpringDataPeer spring = seeded.keep(SpringDataPeer.books(seeded.entityManagerFactory(pool)));
            return () -> spring.read(SpringDataBooks.class, books -> touchCredits(books.findAllWithAuthorsBy()));
        }
    },

    /** {@link JooqPeer#booksWithAuthors}: 1 statement, the credits nested with MULTISET. */
    JOOQ_BOOKS("many-to-many", "jOOQ MULTISET") {
        @Override
        Callable<Integer> read(Seeded seeded, Pool pool) {
            var dataSource = seeded.dataSource(pool);
            Database database = Database.current();
            return () -> JooqPeer.read(dataSource, database, sql -> countCredits(JooqPeer.booksWithAuthors(sql)));
        }
    },

    /** {@link ManyToManyDefaults#findAllThenTouchAuthors}: the mapping a user writes first, 1 + N. */
    DEFAULTS_BOOKS("many-to-many", "Hibernate defaults (N+1)") {
        @Override
        Callable<Integer> read(Seeded seeded, Pool pool) {
            return inRolledBackTransaction(seeded.factoryOver(pool, ManyToManyDefaults.CLASSES), entityManager ->
                    ManyToManyDefaults.findAllThenTouchAuthors(entityManager).stream()
                            .mapToInt(book -> book.getAuthorLinks().size()).sum());
        }
    };

    /** The prefix that marks a strategy parameter of {@link ReadBenchmark} as a peer. */
    static final String PREFIX = "peer: ";

    /** Per pattern, the JDBC read that is every peer's floor: the one its entity strategies have. */
    static final Map<String, String> FLOORS = Map.of(
            "one-to-many", "authors with their books",
            "many-to-many", "books with their authors");

    /** Per pattern, relmap's reads the peers are compared with: the N+1, the recommended entity read, the record read. */
    private static final Map<String, List<String>> RELMAP_READS = Map.of(
            "one-to-many", List.of("lazy (N+1)", "JOIN FETCH", "books + author name (record)"),
            "many-to-many", List.of("lazy (N+1)", "JOIN FETCH", "credits (record)"));

    final String pattern;
    final String label;

    Peer(String pattern, String label) {
        this.pattern = pattern;
        this.label = label;
    }

    /** The read this peer makes of the pattern {@code seeded} holds, returning the rows it read. */
    abstract Callable<Integer> read(Seeded seeded, Pool pool);

    /** The name in the report and in {@link ReadBenchmark}'s strategy parameter. */
    String subject() {
        return PREFIX + label;
    }

    /** The JDBC read this peer is measured against. */
    String floor() {
        return FLOORS.get(pattern);
    }

    /**
     * Per pattern with peers, what the report sets side by side: the JDBC floor, relmap's reads
     * ({@link #RELMAP_READS}), then the peers.
     */
    static Map<String, List<String>> compared() {
        Map<String, List<String>> compared = new java.util.LinkedHashMap<>();
        FLOORS.forEach((pattern, floor) -> {
            List<String> subjects = new java.util.ArrayList<>(List.of(ReadBenchmark.JDBC + floor));
            subjects.addAll(RELMAP_READS.get(pattern));
            of(pattern).forEach(peer -> subjects.add(peer.subject()));
            compared.put(pattern, subjects);
        });
        return compared;
    }

    /** The peers of {@code pattern}, in the report's order. */
    static List<Peer> of(String pattern) {
        return Arrays.stream(values()).filter(peer -> peer.pattern.equals(pattern)).toList();
    }

    /** The peer of {@code pattern} named {@code subject} ({@code peer: …}). */
    static Optional<Peer> named(String pattern, String subject) {
        return of(pattern).stream().filter(peer -> peer.subject().equals(subject)).findFirst();
    }

    private static Callable<Integer> inRolledBackTransaction(EntityManagerFactory factory,
            ToIntFunction<EntityManager> work) {
        return () -> {
            try (EntityManager entityManager = factory.createEntityManager()) {
                entityManager.getTransaction().begin();
                try {
                    return work.applyAsInt(entityManager);
                } finally {
                    entityManager.getTransaction().rollback();
                }
            }
        };
    }

    private static int touchBooks(List<Author> authors) {
        int books = 0;
        for (Author author : authors) {
            books += (int) author.getBooks().stream().filter(book -> !book.getTitle().isEmpty()).count();
        }
        return books;
    }

    private static int touchCredits(List<Book> books) {
        int credits = 0;
        for (Book book : books) {
            for (BookAuthorLink link : book.getAuthorLinks()) {
                credits += link.getAuthor().getName() != null && link.getRole() != null ? 1 : 0;
            }
        }
        return credits;
    }

    private static int countBooks(List<AuthorRow> authors) {
        return authors.stream().mapToInt(author -> author.books().size()).sum();
    }

    private static int countCredits(List<ManyToManyJdbcBaseline.BookRow> books) {
        return books.stream().mapToInt(book -> book.credits().size()).sum();
    }
}
