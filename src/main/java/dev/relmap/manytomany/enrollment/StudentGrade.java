package dev.relmap.manytomany.enrollment;

/** A student on a course with their grade (null until graded), read by a projection. */
public record StudentGrade(long studentId, String name, Integer grade, boolean completed) {
}
