package dev.relmap.manytomany.enrollment;

/** A course a student completed, with the grade. */
public record CompletedCourse(String code, String name, int grade) {
}
