package dev.relmap.selfreferencing.category;

/**
 * A root category with the number of categories in its tree (itself included) and the depth of the
 * deepest one (0 for a root alone).
 */
public record SubtreeSize(long rootId, String rootName, long size, int depth) {
}
