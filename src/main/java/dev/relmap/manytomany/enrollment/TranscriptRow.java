package dev.relmap.manytomany.enrollment;

/** One line of a transcript: a student, a course they are enrolled on, and the grade if any. */
public record TranscriptRow(String student, String courseCode, Integer grade, boolean completed) {
}
