package dev.relmap.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-to-many mapping as a user writes it first, with none of relmap's choices, for the
 * Hibernate-defaults peer: IDENTITY ids, JPA's EAGER default on the book's {@code @ManyToOne}, no
 * natural id, no {@code @Version}, no equals/hashCode, plain {@code List} bags. Mapped over the
 * pattern's tables (Hibernate's default names where they match the columns) and only read: the
 * IDENTITY generator is never asked for an id. The entity names are spelled out only because the
 * classes are nested here (a nested class's default name is {@code Outer$Inner}).
 */
final class OneToManyDefaults {

    static final List<Class<?>> CLASSES = List.of(DefaultAuthor.class, DefaultBook.class, DefaultAward.class);

    private OneToManyDefaults() {
    }

    /**
     * {@code select a from DefaultAuthor a}, then every book's title touched, as a list page written
     * against this mapping does: 1 SELECT of the authors, then 1 per author for its books (the
     * books' EAGER author is the one already loaded).
     *
     * @return the authors read, their books loaded
     */
    static List<DefaultAuthor> findAllThenTouchBooks(EntityManager entityManager) {
        List<DefaultAuthor> authors = entityManager.createQuery("select a from DefaultAuthor a", DefaultAuthor.class)
                .getResultList();
        for (DefaultAuthor author : authors) {
            for (DefaultBook book : author.getBooks()) {
                book.getTitle();
            }
        }
        return authors;
    }

    @Entity(name = "DefaultAuthor")
    @Table(name = "author")
    static class DefaultAuthor {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;

        private String name;

        private String email;

        private long version;

        @Column(name = "book_count")
        private long bookCount;

        @OneToMany(mappedBy = "author")
        private List<DefaultBook> books = new ArrayList<>();

        @OneToMany(mappedBy = "author")
        private List<DefaultAward> awards = new ArrayList<>();

        Long getId() {
            return id;
        }

        String getName() {
            return name;
        }

        String getEmail() {
            return email;
        }

        List<DefaultBook> getBooks() {
            return books;
        }
    }

    @Entity(name = "DefaultBook")
    @Table(name = "book")
    static class DefaultBook {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;

        private String title;

        private String isbn;

        private int pages;

        @ManyToOne
        private DefaultAuthor author;

        Long getId() {
            return id;
        }

        String getTitle() {
            return title;
        }

        String getIsbn() {
            return isbn;
        }

        int getPages() {
            return pages;
        }
    }

    @Entity(name = "DefaultAward")
    @Table(name = "award")
    static class DefaultAward {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;

        private String title;

        @Column(name = "award_year")
        private int year;

        @ManyToOne
        private DefaultAuthor author;
    }
}
