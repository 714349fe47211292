package dev.relmap.onetomany;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Objects;

/**
 * The owning side of the association: {@code book.author_id} is the foreign key. The to-one is
 * LAZY because JPA's default for {@code @ManyToOne} is EAGER, which turns every book query into
 * a query per distinct author.
 */
// tag::book-mapping[]
@Entity
@Table(name = "book",
        uniqueConstraints = @UniqueConstraint(name = Book.UK_ISBN, columnNames = "isbn"),
        indexes = @Index(name = "ix_book_author_id", columnList = "author_id"))
public class Book {

    public static final String UK_ISBN = "uk_book_isbn";
    public static final String FK_AUTHOR = "fk_book_author";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_seq")
    @SequenceGenerator(name = "book_seq", sequenceName = "book_seq", allocationSize = 50)
    private Long id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    // The business key: unique (the @UniqueConstraint above), set once (no setter), and what
    // equals compares. Deliberately not @NaturalId: relmap never looks an entity up by it through
    // Hibernate, and the natural-id entry the persistence context keeps for every loaded entity
    // cost one-to-many's JOIN FETCH about a fifth of its CPU (docs/benchmarks.md, entity gap).
    @Column(name = "isbn", nullable = false, length = 20)
    private String isbn;

    @Column(name = "pages", nullable = false)
    private int pages;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false,
            foreignKey = @ForeignKey(name = Book.FK_AUTHOR))
    private Author author;
    // end::book-mapping[]

    protected Book() {
    }

    public Book(String title, String isbn, int pages) {
        this.title = Objects.requireNonNull(title, "title");
        this.isbn = Objects.requireNonNull(isbn, "isbn");
        this.pages = pages;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getIsbn() {
        return isbn;
    }

    public int getPages() {
        return pages;
    }

    public Author getAuthor() {
        return author;
    }

    /** Package-private: {@link Author#addBook} keeps both sides in sync. */
    void setAuthor(Author author) {
        this.author = author;
    }

    /** Equal when the business key (the ISBN) is. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Book book && Objects.equals(isbn, book.getIsbn());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(isbn);
    }

    /** Never touches {@code author}: printing a book issues no SQL. */
    @Override
    public String toString() {
        return "Book{id=" + id + ", title='" + title + "', isbn='" + isbn + "', pages=" + pages + "}";
    }
}
