package dev.relmap.manytomany.link;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.util.Objects;
import org.hibernate.annotations.ColumnDefault;

/**
 * One row of the join table, promoted to an entity so that it can carry a column of its own (the
 * author's {@link AuthorRole} on the book) and be inserted, updated and deleted one row at a time.
 * Its key is the pair (book, author), filled in from the two associations by {@code @MapsId}: a
 * second link for the same pair is a primary-key violation.
 */
// tag::link[]
@Entity
@Table(name = "book_author", indexes = @Index(name = BookAuthorLink.IX_BOOK_ID, columnList = "book_id"))
public class BookAuthorLink {

    public static final String FK_BOOK = "fk_book_author_book";
    public static final String FK_AUTHOR = "fk_book_author_author";
    /** Hibernate orders the key's columns by attribute name, (author_id, book_id): book_id needs its own. */
    public static final String IX_BOOK_ID = "ix_book_author_book_id";

    @EmbeddedId
    private BookAuthorId id;

    @MapsId("bookId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "book_id", foreignKey = @ForeignKey(name = FK_BOOK))
    private Book book;

    @MapsId("authorId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", foreignKey = @ForeignKey(name = FK_AUTHOR))
    private Author author;

    @Enumerated(EnumType.STRING)
    @ColumnDefault("'WRITER'")
    @Column(name = "role", nullable = false, length = 16)
    private AuthorRole role = AuthorRole.WRITER;
    // end::link[]

    protected BookAuthorLink() {
    }

    BookAuthorLink(Book book, Author author, AuthorRole role) {
        // getId() on an unloaded reference returns the id without a SELECT. The book's id is
        // still null when the book is new; @MapsId fills it in when the link is persisted.
        this.id = new BookAuthorId(book.getId(), author.getId());
        this.book = book;
        this.author = author;
        this.role = Objects.requireNonNull(role, "role");
    }

    public BookAuthorId getId() {
        return id;
    }

    public Book getBook() {
        return book;
    }

    public Author getAuthor() {
        return author;
    }

    public AuthorRole getRole() {
        return role;
    }

    public void setRole(AuthorRole role) {
        this.role = Objects.requireNonNull(role, "role");
    }

    /**
     * Key equality, like any entity with a generated key: two links are equal when they join the
     * same persisted pair. Comparing the books and authors themselves would load a lazy author
     * just to compare it. The hash code is constant, so it survives the key being filled in.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof BookAuthorLink that && hasKey() && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return BookAuthorLink.class.hashCode();
    }

    private boolean hasKey() {
        return id != null && id.getBookId() != null && id.getAuthorId() != null;
    }

    @Override
    public String toString() {
        return "BookAuthorLink" + id + " " + role;
    }
}
