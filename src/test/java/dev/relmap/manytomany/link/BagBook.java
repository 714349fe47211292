package dev.relmap.manytomany.link;

import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The pitfall, kept only to prove it: a plain {@code @ManyToMany} held in a {@code List} with no
 * order column is a bag, whose join-table rows Hibernate cannot tell apart, so removing one
 * author deletes all of the book's rows and inserts the others back. No place for a role either.
 */
@Entity
@Table(name = "bag_book")
public class BagBook {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String title;

    // tag::bag[]
    @ManyToMany
    @JoinTable(
            name = "bag_book_author",
            joinColumns = @JoinColumn(name = "book_id", foreignKey = @ForeignKey(name = "fk_bag_book_author_book")),
            inverseJoinColumns = @JoinColumn(name = "author_id",
                    foreignKey = @ForeignKey(name = "fk_bag_book_author_author")))
    private List<Author> authors = new ArrayList<>();
    // end::bag[]

    protected BagBook() {
    }

    public BagBook(String title) {
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public List<Author> getAuthors() {
        return authors;
    }
}
