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

/**
 * {@link OneToManyCopies}' lean copy of the one-to-many mapping, bytecode-enhanced at build time by
 * the hibernate-maven-plugin (the pom applies it to the classes of this file and one test mapping
 * of one-to-one, nothing else): each entity carries its own persistence-context entry
 * ({@code ManagedEntity}) and tracks its own changes, where a plain entity is looked up in an
 * identity map and compared with a snapshot. The enhancer rewrites each class file it is given, so
 * the copy is written out again here rather than shared with the unenhanced one: the two must map
 * the same columns, and differ only in being enhanced.
 */
final class OneToManyEnhanced {

    static final List<Class<?>> CLASSES = List.of(EnhancedAuthor.class, EnhancedBook.class, EnhancedAward.class);

    private OneToManyEnhanced() {
    }

    @Entity(name = "EnhancedAuthor")
    @Table(name = "author")
    static class EnhancedAuthor implements CopiedAuthor {
        @Id
        private Long id;

        @Column(name = "name", nullable = false, length = 100)
        private String name;

        @Column(name = "email", nullable = false, length = 200)
        private String email;

        @OneToMany(mappedBy = "author")
        private List<EnhancedBook> books = new ArrayList<>();

        @OneToMany(mappedBy = "author")
        private List<EnhancedAward> awards = new ArrayList<>();

        @Version
        @Column(name = "version", nullable = false)
        private long version;

        @Column(name = "book_count", nullable = false, updatable = false)
        private long bookCount;

        @Override
        public List<EnhancedBook> books() {
            return books;
        }
    }

    @Entity(name = "EnhancedBook")
    @Table(name = "book")
    static class EnhancedBook implements CopiedBook {
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
        private EnhancedAuthor author;

        @Override
        public String title() {
            return title;
        }
    }

    @Entity(name = "EnhancedAward")
    @Table(name = "award")
    static class EnhancedAward {
        @Id
        private Long id;

        @Column(name = "title", nullable = false, length = 200)
        private String title;

        @Column(name = "award_year", nullable = false)
        private int year;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "author_id", nullable = false)
        private EnhancedAuthor author;
    }
}
