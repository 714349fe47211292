package dev.relmap.polymorphic.supertype;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;

/** A product for sale: a {@link Commentable} whose row in {@code product} shares its id with {@code commentable}. */
@Entity
@Table(name = "product")
@PrimaryKeyJoinColumn(name = "id", foreignKey = @ForeignKey(name = "fk_product_commentable"))
public class Product extends Commentable {

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "price", nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    protected Product() {
    }

    public Product(String name, BigDecimal price) {
        this.name = Objects.requireNonNull(name, "name");
        this.price = Objects.requireNonNull(price, "price");
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    @Override
    public String getLabel() {
        return name;
    }

    @Override
    public String toString() {
        return "Product#" + getId() + " '" + name + "'";
    }
}
