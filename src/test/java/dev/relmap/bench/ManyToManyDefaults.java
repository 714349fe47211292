package dev.relmap.bench;

import dev.relmap.manytomany.link.AuthorRole;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The many-to-many mapping through its link entity as a user writes it first, with none of relmap's
 * choices, for the Hibernate-defaults peer: IDENTITY ids, JPA's EAGER default on the link's two
 * {@code @ManyToOne}s, no natural id, no equals/hashCode on the entities, plain {@code List} bags.
 * The embedded id has the value equality JPA requires of it. Mapped over the pattern's tables and
 * only read. The entity names are spelled out only because the classes are nested here.
 */
final class ManyToManyDefaults {

    static final List<Class<?>> CLASSES = List.of(DefaultBook.class, DefaultAuthor.class, DefaultBookAuthor.class);

    private ManyToManyDefaults() {
    }

    /**
     * {@code select b from DefaultBook b}, then every credit's author name and role touched: 1 SELECT
     * of the books, then 1 per book for its links, with their EAGER author left joined in the same
     * statement (their EAGER book is the one whose links are read).
     *
     * @return the books read, their links loaded
     */
    static List<DefaultBook> findAllThenTouchAuthors(EntityManager entityManager) {
        List<DefaultBook> books = entityManager.createQuery("select b from DefaultBook b", DefaultBook.class)
                .getResultList();
        for (DefaultBook book : books) {
            for (DefaultBookAuthor link : book.getAuthorLinks()) {
                link.getAuthor().getName();
                link.getRole();
            }
        }
        return books;
    }

    @Entity(name = "DefaultBook")
    @Table(name = "book")
    static class DefaultBook {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;

        private String title;

        private String isbn;

        @OneToMany(mappedBy = "book")
        private List<DefaultBookAuthor> authorLinks = new ArrayList<>();

        Long getId() {
            return id;
        }

        String getTitle() {
            return title;
        }

        String getIsbn() {
            return isbn;
        }

        List<DefaultBookAuthor> getAuthorLinks() {
            return authorLinks;
        }
    }

    @Entity(name = "DefaultAuthor")
    @Table(name = "author")
    static class DefaultAuthor {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;

        private String name;

        private String email;

        @OneToMany(mappedBy = "author")
        private List<DefaultBookAuthor> bookLinks = new ArrayList<>();

        Long getId() {
            return id;
        }

        String getName() {
            return name;
        }

        String getEmail() {
            return email;
        }
    }

    @Entity(name = "DefaultBookAuthor")
    @Table(name = "book_author")
    static class DefaultBookAuthor {
        @EmbeddedId
        private DefaultBookAuthorId id;

        @ManyToOne
        @MapsId("bookId")
        private DefaultBook book;

        @ManyToOne
        @MapsId("authorId")
        private DefaultAuthor author;

        @Enumerated(EnumType.STRING)
        private AuthorRole role;

        DefaultAuthor getAuthor() {
            return author;
        }

        AuthorRole getRole() {
            return role;
        }
    }

    @Embeddable
    static class DefaultBookAuthorId implements Serializable {
        @Column(name = "book_id")
        private Long bookId;

        @Column(name = "author_id")
        private Long authorId;

        @Override
        public boolean equals(Object other) {
            return other instanceof DefaultBookAuthorId that
                    && Objects.equals(bookId, that.bookId) && Objects.equals(authorId, that.authorId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bookId, authorId);
        }
    }
}
