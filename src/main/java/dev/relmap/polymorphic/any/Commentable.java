package dev.relmap.polymorphic.any;

/**
 * Whatever can be commented on: an interface, not an entity, so {@code Comment.item} can point at
 * any entity that implements it — and nothing in the database checks that it exists.
 */
public interface Commentable {

    Long getId();

    /** What a feed shows for the item: a post's title, a product's name. */
    String getLabel();
}
