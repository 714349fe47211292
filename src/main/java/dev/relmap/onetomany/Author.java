package dev.relmap.onetomany;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.ColumnDefault;

/**
 * The aggregate root: an author owns its books (and its awards). Both collections are the inverse
 * side ({@code mappedBy}); the foreign key lives on the child, so adding a book inserts one row
 * (and {@link BookRepository} adds 1 UPDATE of the stored {@code book_count}).
 */
// tag::author-mapping[]
@Entity
@Table(name = "author",
        uniqueConstraints = @UniqueConstraint(name = Author.UK_EMAIL, columnNames = "email"))
@NamedEntityGraph(name = Author.WITH_BOOKS, attributeNodes = @NamedAttributeNode("books"))
public class Author {

    public static final String WITH_BOOKS = "Author.withBooks";
    public static final String UK_EMAIL = "uk_author_email";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_seq")
    @SequenceGenerator(name = "author_seq", sequenceName = "author_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    // The business key: unique (the @UniqueConstraint above), set once (no setter), and what
    // equals compares. Deliberately not @NaturalId: relmap never looks an entity up by it through
    // Hibernate, and the natural-id entry the persistence context keeps for every loaded entity
    // cost one-to-many's JOIN FETCH about a fifth of its CPU (docs/benchmarks.md, entity gap).
    @Column(name = "email", nullable = false, length = 200)
    private String email;

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Book> books = new ArrayList<>();

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Award> awards = new ArrayList<>();

    public void addBook(Book book) {
        books.add(book);
        book.setAuthor(this);
        bookCount++;
    }

    public void removeBook(Book book) {
        if (books.remove(book)) {
            bookCount--;
        }
        book.setAuthor(null);
    }
    // end::author-mapping[]

    // Two editors renaming the same author: the one who read first and writes second fails with
    // OptimisticLockException. The default fills existing rows when the column is added.
    @Version
    @ColumnDefault("0")
    @Column(name = "version", nullable = false)
    private long version;

    // tag::book-count-column[]
    /**
     * How many books the author has, stored so that a list of authors with their counts reads one
     * column instead of counting rows. The INSERT of a new author writes it (a row inserted by plain
     * SQL gets the column default, 0); after that only
     * {@link BookRepository}'s atomic {@code book_count = book_count ± 1} does: the entity's own
     * UPDATE never writes it ({@code updatable = false}), so an author loaded before a concurrent
     * add cannot write its stale count back when it is renamed.
     */
    @ColumnDefault("0")
    @Column(name = "book_count", nullable = false, updatable = false)
    private long bookCount;
    // end::book-count-column[]

    protected Author() {
    }

    public Author(String name, String email) {
        this.name = Objects.requireNonNull(name, "name");
        this.email = Objects.requireNonNull(email, "email");
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String getEmail() {
        return email;
    }

    /**
     * Read-only view; change it through {@link #addBook} and {@link #removeBook}. Reading it loads
     * the books if they are not yet; to ask whether they are, use
     * {@code PersistenceUnitUtil.isLoaded(author, "books")}: {@code Hibernate.isInitialized} on the
     * view always answers true.
     */
    public List<Book> getBooks() {
        return Collections.unmodifiableList(books);
    }

    /**
     * The stored count, kept in step by {@link #addBook} and {@link #removeBook} in memory. For an
     * existing author the database's column changes only through {@link BookRepository}; adding
     * or removing books through this entity alone leaves the column behind.
     */
    public long getBookCount() {
        return bookCount;
    }

    /** Read-only view; change it through {@link #addAward} and {@link #removeAward}. */
    public List<Award> getAwards() {
        return Collections.unmodifiableList(awards);
    }

    public void addAward(Award award) {
        awards.add(award);
        award.setAuthor(this);
    }

    public void removeAward(Award award) {
        awards.remove(award);
        award.setAuthor(null);
    }

    /** Equal when the business key (the e-mail) is: stable before and after persist, and after merge. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Author author && Objects.equals(email, author.getEmail());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(email);
    }

    /** Never touches {@code books} or {@code awards}: printing an author issues no SQL. */
    @Override
    public String toString() {
        return "Author{id=" + id + ", name='" + name + "', email='" + email + "'}";
    }
}
