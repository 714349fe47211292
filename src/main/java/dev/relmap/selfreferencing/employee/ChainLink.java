package dev.relmap.selfreferencing.employee;

/** One employee of a management chain; nothing managed. */
public record ChainLink(String email, String name, String position) {
}
