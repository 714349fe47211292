package dev.relmap.selfreferencing.employee;

/** An employee with the number of their direct reports and of everyone under them (0 for neither). */
public record Headcount(String email, String name, long directReports, long allReports) {
}
