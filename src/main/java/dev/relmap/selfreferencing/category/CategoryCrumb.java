package dev.relmap.selfreferencing.category;

/** One step of a breadcrumb: a category's id and name; nothing managed. */
public record CategoryCrumb(long id, String name) {
}
