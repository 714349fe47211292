package dev.relmap.employees;

/** One employee of a management chain; nothing managed. */
public record ChainLink(String email, String name, String position) {
}
