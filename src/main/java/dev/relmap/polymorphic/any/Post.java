package dev.relmap.polymorphic.any;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/** A blog post; it knows nothing of its comments (ask {@link CommentRepository#commentsOn}). */
@Entity
@Table(name = "post")
public class Post implements Commentable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_seq")
    @SequenceGenerator(name = "post_seq", sequenceName = "post_seq", allocationSize = 50)
    private Long id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "content", nullable = false, length = 4000)
    private String content;

    protected Post() {
    }

    public Post(String title, String content) {
        this.title = Objects.requireNonNull(title, "title");
        this.content = Objects.requireNonNull(content, "content");
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getContent() {
        return content;
    }

    @Override
    public String getLabel() {
        return title;
    }

    /** Id equality, constant hash code: a transient post equals only itself. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Post that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Post.class.hashCode();
    }

    @Override
    public String toString() {
        return "Post#" + id + " '" + title + "'";
    }
}
