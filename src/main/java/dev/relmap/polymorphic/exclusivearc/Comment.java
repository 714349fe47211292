package dev.relmap.polymorphic.exclusivearc;

import jakarta.persistence.CheckConstraint;
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
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A comment on a post or a product through one nullable foreign key per type (an "exclusive arc"):
 * each key is real, and a check constraint says exactly one is set. Deleting an item deletes its
 * comments in the database ({@code on delete cascade}).
 */
// tag::comment-arc[]
@Entity
@Table(name = "item_comment",
        check = @CheckConstraint(name = Comment.CK_ONE_ITEM, constraint = """
                (post_id is not null and product_id is null)
                or (post_id is null and product_id is not null)"""),
        indexes = {
                @Index(name = "ix_item_comment_post_id", columnList = "post_id"),
                @Index(name = "ix_item_comment_product_id", columnList = "product_id"),
                @Index(name = "ix_item_comment_created_at", columnList = "created_at")})
@NamedEntityGraph(name = Comment.WITH_ITEM,
        attributeNodes = {@NamedAttributeNode("post"), @NamedAttributeNode("product")})
public class Comment {

    public static final String WITH_ITEM = "Comment.withItem";
    public static final String CK_ONE_ITEM = "ck_item_comment_one_item";
    public static final String FK_POST = "fk_item_comment_post";
    public static final String FK_PRODUCT = "fk_item_comment_product";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_comment_seq")
    @SequenceGenerator(name = "item_comment_seq", sequenceName = "item_comment_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", foreignKey = @ForeignKey(name = FK_POST))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id", foreignKey = @ForeignKey(name = FK_PRODUCT))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Product product;
// end::comment-arc[]

    @Column(name = "author", nullable = false, length = 100)
    private String author;

    @Column(name = "body", nullable = false, length = 2000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Comment() {
    }

    /** A comment on {@code item}, a post or a product (or a reference to one). */
    public Comment(Commentable item, String author, String body, Instant createdAt) {
        Objects.requireNonNull(item, "item");
        if (item instanceof Post p) {
            this.post = p;
        } else if (item instanceof Product p) {
            this.product = p;
        } else {
            throw new IllegalArgumentException(item.getClass().getSimpleName() + " cannot be commented on");
        }
        this.author = Objects.requireNonNull(author, "author");
        this.body = Objects.requireNonNull(body, "body");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long getId() {
        return id;
    }

    /** The commented post or product: whichever key is set (the check constraint says one is). */
    public Commentable getItem() {
        return post != null ? post : product;
    }

    public Post getPost() {
        return post;
    }

    public Product getProduct() {
        return product;
    }

    public String getAuthor() {
        return author;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Id equality, constant hash code: a transient comment equals only itself. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Comment that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Comment.class.hashCode();
    }

    @Override
    public String toString() {
        return "Comment#" + id + " by " + author;
    }
}
