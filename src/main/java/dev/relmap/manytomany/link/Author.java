package dev.relmap.manytomany.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hibernate.Hibernate;

/**
 * A person who wrote, edited or illustrated books. The inverse side: it sees its books through
 * the links, and never cascades to them (a book owns its credits, an author does not).
 */
@Entity
@Table(name = "author")
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_seq")
    @SequenceGenerator(name = "author_seq", sequenceName = "author_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "email", nullable = false, length = 200)
    private String email;

    @OneToMany(mappedBy = "author")
    private List<BookAuthorLink> bookLinks = new ArrayList<>();

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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = Objects.requireNonNull(email, "email");
    }

    /** The links to this author's books, read-only; change them through {@link Book}. */
    public List<BookAuthorLink> getBookLinks() {
        return Collections.unmodifiableList(bookLinks);
    }

    // Called by Book only, so that both sides change together. The collection is an inverse
    // bag: adding to it while it is not loaded queues the element instead of loading it.
    void linked(BookAuthorLink link) {
        bookLinks.add(link);
    }

    void unlinked(BookAuthorLink link) {
        // Removing from a bag loads it; a collection nobody has read has nothing to keep in step.
        if (Hibernate.isInitialized(bookLinks)) {
            bookLinks.remove(link);
        }
    }

    /**
     * Id equality: an author has no natural key (people share names and change e-mail addresses).
     * A transient author equals only itself; the hash code is constant so that it survives
     * persist. {@code instanceof} accepts Hibernate's proxies, which subclass the entity.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Author that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Author.class.hashCode();
    }

    @Override
    public String toString() {
        return "Author(" + id + ", " + name + ")";
    }
}
