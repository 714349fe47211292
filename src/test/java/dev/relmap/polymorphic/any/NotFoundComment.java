package dev.relmap.polymorphic.any;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Any;
import org.hibernate.annotations.AnyDiscriminator;
import org.hibernate.annotations.AnyDiscriminatorValue;
import org.hibernate.annotations.AnyKeyJavaClass;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;

/** {@link Comment} with {@code @NotFound(IGNORE)} on its {@code @Any}, as one might try: for the pitfall test only. */
@Entity
@Table(name = "item_comment")
class NotFoundComment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_comment_seq")
    @SequenceGenerator(name = "item_comment_seq", sequenceName = "item_comment_seq", allocationSize = 50)
    private Long id;

    @Any(fetch = FetchType.LAZY)
    @NotFound(action = NotFoundAction.IGNORE) // read by @ManyToOne and @OneToOne; Hibernate 7.4 ignores it here
    @AnyDiscriminator(DiscriminatorType.STRING)
    @AnyDiscriminatorValue(discriminator = Comment.POST, entity = Post.class)
    @AnyDiscriminatorValue(discriminator = Comment.PRODUCT, entity = Product.class)
    @AnyKeyJavaClass(Long.class)
    @Column(name = "item_type", nullable = false, length = 16)
    @JoinColumn(name = "item_id", nullable = false)
    private Commentable item;

    @Column(name = "body", nullable = false, length = 2000)
    private String body;

    protected NotFoundComment() {
    }

    NotFoundComment(Commentable item, String body) {
        this.item = item;
        this.body = body;
    }

    Commentable getItem() {
        return item;
    }

    String getBody() {
        return body;
    }
}
