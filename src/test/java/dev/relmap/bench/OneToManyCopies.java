package dev.relmap.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies of the one-to-many mapping ({@link dev.relmap.onetomany.Author}, {@code Book},
 * {@code Award}) for the entity-gap levers, mapped to the same tables and columns, read-only:
 * the {@code Lean…} classes map the columns the way the shipped entities do (no {@code @NaturalId},
 * the unique constraints in the schema), so that reading them beside the shipped read shows what a
 * copy itself costs; {@link OneToManyNaturalIds} adds the two {@code @NaturalId}s back (email,
 * isbn) and {@link OneToManyEnhanced} is the lean copy enhanced at build time. Only what a JOIN
 * FETCH of authors with their books reads is kept: no generators, no helpers.
 */
final class OneToManyCopies {

    /** The one-to-many mapping as shipped: no natural ids. */
    static final List<Class<?>> LEAN = List.of(LeanAuthor.class, LeanBook.class, LeanAward.class);

    private OneToManyCopies() {
    }

    /** An author of one of the copies. */
    interface CopiedAuthor {
        List<? extends CopiedBook> books();
    }

    /** A book of one of the copies. */
    interface CopiedBook {
        String title();
    }

    /**
     * Relmap's JOIN FETCH ({@code AuthorRepository.findAllWithBooks}) on a copy, every book's title
     * touched as the pattern's strategy touches them.
     *
     * @return the books read
     */
    static int joinFetch(EntityManager entityManager, Class<? extends CopiedAuthor> type) {
        List<? extends CopiedAuthor> authors = entityManager.createQuery("""
                select a
                from %s a
                left join fetch a.books
                order by a.id""".formatted(type.getSimpleName()), type)
                .getResultList();
        int books = 0;
        for (CopiedAuthor author : authors) {
            for (CopiedBook book : author.books()) {
                books += book.title().length() > 0 ? 1 : 0;
            }
        }
        return books;
    }

    @Entity(name = "LeanAuthor")
    @Table(name = "author")
    static class LeanAuthor implements CopiedAuthor {
        @Id
        private Long id;

        @Column(name = "name", nullable = false, length = 100)
        private String name;

        @Column(name = "email", nullable = false, length = 200)
        private String email;

        @OneToMany(mappedBy = "author")
        private List<LeanBook> books = new ArrayList<>();

        @OneToMany(mappedBy = "author")
        private List<LeanAward> awards = new ArrayList<>();

        @Version
        @Column(name = "version", nullable = false)
        private long version;

        @Column(name = "book_count", nullable = false, updatable = false)
        private long bookCount;

        @Override
        public List<LeanBook> books() {
            return books;
        }
    }

    @Entity(name = "LeanBook")
    @Table(name = "book")
    static class LeanBook implements CopiedBook {
        @Id
        private Long id;

        @Column(name = "title", nullable = false, length = 200)
        private String title;

        @Column(name = "isbn", nullable = false, length = 20)
        private String isbn;

        @Column(name = "pages", nullable = false)
        private int pages;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "author_id", nullable = false)
        private LeanAuthor author;

        @Override
        public String title() {
            return title;
        }
    }

    @Entity(name = "LeanAward")
    @Table(name = "award")
    static class LeanAward {
        @Id
        private Long id;

        @Column(name = "title", nullable = false, length = 200)
        private String title;

        @Column(name = "award_year", nullable = false)
        private int year;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "author_id", nullable = false)
        private LeanAuthor author;
    }
}
