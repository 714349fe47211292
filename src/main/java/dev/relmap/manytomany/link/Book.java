package dev.relmap.manytomany.link;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Hibernate;

/**
 * A book, the aggregate root of its author credits: it owns its {@link BookAuthorLink}s (cascade
 * and orphan removal), and {@link #addAuthor} / {@link #removeAuthor} keep both sides in step.
 */
@Entity
@Table(name = "book", uniqueConstraints = @UniqueConstraint(name = Book.UK_ISBN, columnNames = "isbn"))
public class Book {

    public static final String UK_ISBN = "uk_book_isbn";

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
    @Column(name = "isbn", nullable = false, length = 17)
    private String isbn;

    // tag::book-links[]
    @OneToMany(mappedBy = "book", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<BookAuthorLink> authorLinks = new ArrayList<>();

    public BookAuthorLink addAuthor(Author author, AuthorRole role) {
        if (linkTo(author).isPresent()) {
            throw new DuplicateLinkException(this, author);
        }
        BookAuthorLink link = new BookAuthorLink(this, author, role);
        authorLinks.add(link);
        if (Hibernate.isInitialized(author)) {
            author.linked(link);
        }
        return link;
    }

    public void removeAuthor(Author author) {
        BookAuthorLink link = linkTo(author).orElseThrow(() -> new UnknownLinkException(this, author));
        authorLinks.remove(link);
        if (Hibernate.isInitialized(author)) {
            author.unlinked(link);
        }
    }
    // end::book-links[]

    protected Book() {
    }

    public Book(String title, String isbn) {
        this.title = Objects.requireNonNull(title, "title");
        this.isbn = Objects.requireNonNull(isbn, "isbn");
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

    /** The author credits, read-only; change them with {@link #addAuthor} and {@link #removeAuthor}. */
    public List<BookAuthorLink> getAuthorLinks() {
        return Collections.unmodifiableList(authorLinks);
    }

    /** Changes the role of an author already credited on this book (one UPDATE of the link row). */
    public void changeRole(Author author, AuthorRole role) {
        linkTo(author).orElseThrow(() -> new UnknownLinkException(this, author)).setRole(role);
    }

    /**
     * The link to {@code author}, compared by id: {@code getId()} on an unloaded reference does not
     * load it, where {@code equals} would. Reads the links (one SELECT) if they are not loaded yet.
     */
    private Optional<BookAuthorLink> linkTo(Author author) {
        Objects.requireNonNull(author, "author");
        for (BookAuthorLink link : authorLinks) {
            Author linked = link.getAuthor();
            if (linked == author || linked.getId() != null && linked.getId().equals(author.getId())) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    /**
     * Business-key equality: the ISBN identifies a book before and after it is persisted. The
     * price: comparing with an unloaded reference loads it (and fails once it is detached).
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Book that && isbn.equals(that.getIsbn());
    }

    @Override
    public int hashCode() {
        return isbn.hashCode();
    }

    @Override
    public String toString() {
        return "Book(" + id + ", " + isbn + ")";
    }
}
