package dev.relmap.polymorphic.supertype;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.util.Objects;

/** A blog post: a {@link Commentable} whose row in {@code post} shares its id with {@code commentable}. */
@Entity
@Table(name = "post")
@PrimaryKeyJoinColumn(name = "id", foreignKey = @ForeignKey(name = "fk_post_commentable"))
public class Post extends Commentable {

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

    @Override
    public String toString() {
        return "Post#" + getId() + " '" + title + "'";
    }
}
