package dev.relmap.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One-to-many's book with an IDENTITY id, for the write benchmark only. */
@Entity
@Table(name = "identity_book")
public class IdentityBook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "isbn", nullable = false, length = 20)
    private String isbn;

    @Column(name = "pages", nullable = false)
    private int pages;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private IdentityAuthor author;

    protected IdentityBook() {
    }

    public IdentityBook(String title, String isbn, int pages, IdentityAuthor author) {
        this.title = title;
        this.isbn = isbn;
        this.pages = pages;
        this.author = author;
    }

    public Long getId() {
        return id;
    }
}
