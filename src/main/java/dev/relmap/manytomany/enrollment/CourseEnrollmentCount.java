package dev.relmap.manytomany.enrollment;

/** A course and how many students are enrolled on it, zero included. */
public record CourseEnrollmentCount(String code, String name, long enrolled) {
}
