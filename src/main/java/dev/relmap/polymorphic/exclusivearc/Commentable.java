package dev.relmap.polymorphic.exclusivearc;

/** Whatever can be commented on: {@link Post} and {@link Product}, each with a foreign key of its own in {@code item_comment}. */
public interface Commentable {

    Long getId();

    /** What a feed shows for the item: a post's title, a product's name. */
    String getLabel();
}
