package dev.relmap.polymorphic.supertype;

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
 * A comment on a post or a product, through one real foreign key to their common supertype.
 * Deleting an item deletes its comments in the database ({@code on delete cascade}), so no
 * statement, bulk or not, can leave one dangling — though a plain SQL delete of a post or product
 * row leaves the item's {@code commentable} row, and the comment on an item of no type
 * ({@link UntypedItemException}).
 */
// tag::comment[]
@Entity
@Table(name = "item_comment", indexes = {
        @Index(name = "ix_item_comment_item_id", columnList = "item_id"),
        @Index(name = "ix_item_comment_created_at", columnList = "created_at")})
@NamedEntityGraph(name = Comment.WITH_ITEM, attributeNodes = @NamedAttributeNode("item"))
public class Comment {

    public static final String WITH_ITEM = "Comment.withItem";

    /** The foreign key that refuses a comment on an item that does not exist. */
    public static final String FK_ITEM = "fk_item_comment_item";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_comment_seq")
    @SequenceGenerator(name = "item_comment_seq", sequenceName = "item_comment_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id", nullable = false, foreignKey = @ForeignKey(name = FK_ITEM))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Commentable item;
// end::comment[]

    @Column(name = "author", nullable = false, length = 100)
    private String author;

    @Column(name = "body", nullable = false, length = 2000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Comment() {
    }

    public Comment(Commentable item, String author, String body, Instant createdAt) {
        this.item = Objects.requireNonNull(item, "item");
        this.author = Objects.requireNonNull(author, "author");
        this.body = Objects.requireNonNull(body, "body");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long getId() {
        return id;
    }

    /** The commented item; LAZY, so a proxy of {@link Commentable} until read: use {@code getLabel()} or {@code Hibernate.unproxy}, not {@code instanceof Post}. */
    public Commentable getItem() {
        return item;
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
