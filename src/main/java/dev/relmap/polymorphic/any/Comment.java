package dev.relmap.polymorphic.any;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.Any;
import org.hibernate.annotations.AnyDiscriminator;
import org.hibernate.annotations.AnyDiscriminatorValue;
import org.hibernate.annotations.AnyKeyJavaClass;

/**
 * A comment on a post or a product through Hibernate's {@code @Any}: a discriminator column
 * ({@code item_type}) says which table {@code item_id} points into. Neither column can be a foreign
 * key, so the database accepts any pair; {@link CommentRepository} is what keeps them honest.
 */
// tag::comment-any[]
@Entity
@Table(name = "item_comment", indexes = {
        @Index(name = "ix_item_comment_item", columnList = "item_type, item_id"),
        @Index(name = "ix_item_comment_created_at", columnList = "created_at")})
@NamedEntityGraph(name = Comment.WITH_ITEM, attributeNodes = @NamedAttributeNode("item"))
public class Comment {

    public static final String WITH_ITEM = "Comment.withItem";
    public static final String POST = "POST";
    public static final String PRODUCT = "PRODUCT";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_comment_seq")
    @SequenceGenerator(name = "item_comment_seq", sequenceName = "item_comment_seq", allocationSize = 50)
    private Long id;

    @Any(fetch = FetchType.LAZY, optional = false) // @Any is EAGER unless told
    @AnyDiscriminator(DiscriminatorType.STRING)
    @AnyDiscriminatorValue(discriminator = POST, entity = Post.class)
    @AnyDiscriminatorValue(discriminator = PRODUCT, entity = Product.class)
    @AnyKeyJavaClass(Long.class)
    @Column(name = "item_type", nullable = false, length = 16)
    @JoinColumn(name = "item_id", nullable = false)
    private Commentable item;

    // The same two columns, read-only, for queries: "the comments on post 7".
    @Column(name = "item_type", insertable = false, updatable = false)
    private String itemType;

    @Column(name = "item_id", insertable = false, updatable = false)
    private Long itemId;
// end::comment-any[]

    /** The discriminator of each mapped type, as stored in {@code item_type}. */
    public static final Map<Class<? extends Commentable>, String> DISCRIMINATORS =
            Map.of(Post.class, POST, Product.class, PRODUCT);

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

    /**
     * The discriminator stored for {@code type}.
     *
     * @throws IllegalArgumentException naming {@code type} when it is null or not mapped
     */
    public static String discriminatorOf(Class<? extends Commentable> type) {
        String discriminator = DISCRIMINATORS.get(Require.notNull(type, "type"));
        if (discriminator == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not a mapped Commentable");
        }
        return discriminator;
    }

    public Long getId() {
        return id;
    }

    /** The commented item; LAZY, a proxy of the concrete type (the discriminator names it) until read. */
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
