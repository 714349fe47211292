package dev.relmap.polymorphic.supertype;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Whatever can be commented on. Its own table holds only the id, which {@code post.id} and
 * {@code product.id} share (JOINED inheritance), so that {@code item_comment.item_id} can be one
 * real foreign key to every commentable item.
 */
// tag::commentable[]
@Entity
@Table(name = "commentable")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Commentable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commentable_seq")
    @SequenceGenerator(name = "commentable_seq", sequenceName = "commentable_seq", allocationSize = 50)
    private Long id;

    @OneToMany(mappedBy = "item")
    private List<Comment> comments = new ArrayList<>();
// end::commentable[]

    protected Commentable() {
    }

    public Long getId() {
        return id;
    }

    /**
     * The comments on this item, unordered; LAZY, so reading them is one SELECT the first time.
     * The newest first, in one SELECT without loading the item: {@link CommentRepository#commentsOn}.
     */
    public List<Comment> getComments() {
        return comments;
    }

    /** What a feed shows for the item: a post's title, a product's name. */
    public abstract String getLabel();

    /**
     * Id equality: posts and products share the id sequence, so an id names one item whatever its
     * type; the hash code is constant so it survives persist. {@code instanceof} accepts proxies.
     * Not {@code final}: a proxy could not intercept it and would compare its own empty fields.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Commentable that && getId() != null && getId().equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Commentable.class.hashCode();
    }
}
