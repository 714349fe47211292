package dev.relmap.bench;

import dev.relmap.bench.OneToManyCopies.CopiedAuthor;
import dev.relmap.bench.OneToManyCopies.CopiedBook;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.NaturalId;

/**
 * {@link OneToManyCopies}' lean copy of the one-to-many mapping with its two {@code @NaturalId}s
 * (email, isbn), as relmap mapped it until 0.2.0: the lever that measures what they cost a read,
 * now that the shipped {@code Author} and {@code Book} compare by the same keys as plain unique
 * columns. Only what a JOIN FETCH of authors with their books reads is kept.
 */
final class OneToManyNaturalIds {

    static final List<Class<?>> CLASSES = List.of(NaturalAuthor.class, NaturalBook.class, NaturalAward.class);

    private OneToManyNaturalIds() {
    }

    @Entity(name = "NaturalAuthor")
    @Table(name = "author")
    static class NaturalAuthor implements CopiedAuthor {
        @Id
        private Long id;

        @Column(name = "name", nullable = false, length = 100)
        private String name;

        @NaturalId
        @Column(name = "email", nullable = false, length = 200)
        private String email;

        @OneToMany(mappedBy = "author")
        private List<NaturalBook> books = new ArrayList<>();

        @OneToMany(mappedBy = "author")
        private List<NaturalAward> awards = new ArrayList<>();

        @Version
        @Column(name = "version", nullable = false)
        private long version;

        @Column(name = "book_count", nullable = false, updatable = false)
        private long bookCount;

        @Override
        public List<NaturalBook> books() {
            return books;
        }
    }

    @Entity(name = "NaturalBook")
    @Table(name = "book")
    static class NaturalBook implements CopiedBook {
        @Id
        private Long id;

        @Column(name = "title", nullable = false, length = 200)
        private String title;

        @NaturalId
        @Column(name = "isbn", nullable = false, length = 20)
        private String isbn;

        @Column(name = "pages", nullable = false)
        private int pages;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "author_id", nullable = false)
        private NaturalAuthor author;

        @Override
        public String title() {
            return title;
        }
    }

    @Entity(name = "NaturalAward")
    @Table(name = "award")
    static class NaturalAward {
        @Id
        private Long id;

        @Column(name = "title", nullable = false, length = 200)
        private String title;

        @Column(name = "award_year", nullable = false)
        private int year;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "author_id", nullable = false)
        private NaturalAuthor author;
    }
}
