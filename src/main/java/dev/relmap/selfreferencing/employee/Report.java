package dev.relmap.selfreferencing.employee;

/** A direct or indirect report: {@code level} 1 reports directly, 2 to a direct report, and so on. */
public record Report(String email, String name, String position, int level) {
}
