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
import java.util.Objects;
import org.hibernate.Hibernate;

/**
 * An author's second collection, there to show what fetching two collections at once costs. It
 * has no natural key, so equality is by id, with a constant hash code so that a transient award
 * keeps its hash bucket when persist assigns the id.
 */
@Entity
@Table(name = "award", indexes = @Index(name = "ix_award_author_id", columnList = "author_id"))
public class Award {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "award_seq")
    @SequenceGenerator(name = "award_seq", sequenceName = "award_seq", allocationSize = 50)
    private Long id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "award_year", nullable = false)
    private int year;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false,
            foreignKey = @ForeignKey(name = "fk_award_author"))
    private Author author;

    protected Award() {
    }

    public Award(String title, int year) {
        this.title = Objects.requireNonNull(title, "title");
        this.year = year;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public int getYear() {
        return year;
    }

    public Author getAuthor() {
        return author;
    }

    void setAuthor(Author author) {
        this.author = author;
    }

    /** Equal by id once persisted; two transient awards are equal only if they are the same object. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || Hibernate.getClass(this) != Hibernate.getClass(other)) {
            return false;
        }
        return id != null && id.equals(((Award) other).getId());
    }

    @Override
    public int hashCode() {
        return Award.class.hashCode();
    }

    @Override
    public String toString() {
        return "Award{id=" + id + ", title='" + title + "', year=" + year + "}";
    }
}
