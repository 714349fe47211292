package dev.relmap.polymorphic.exclusivearc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A product for sale, with its comments as the inverse side of {@code item_comment.product_id}. */
@Entity
@Table(name = "product")
public class Product implements Commentable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "price", nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @OneToMany(mappedBy = "product")
    private List<Comment> comments = new ArrayList<>();

    protected Product() {
    }

    public Product(String name, BigDecimal price) {
        this.name = Objects.requireNonNull(name, "name");
        this.price = Objects.requireNonNull(price, "price");
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    /** Its comments, unordered; LAZY. Newest first in one SELECT: {@link CommentRepository#commentsOn}. */
    public List<Comment> getComments() {
        return comments;
    }

    @Override
    public String getLabel() {
        return name;
    }

    /** Id equality, constant hash code: a transient product equals only itself. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Product that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Product.class.hashCode();
    }

    @Override
    public String toString() {
        return "Product#" + id + " '" + name + "'";
    }
}
