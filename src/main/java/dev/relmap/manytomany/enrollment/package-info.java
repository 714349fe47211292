/**
 * Many-to-many with data on the link: {@link dev.relmap.manytomany.enrollment.Student} ↔
 * {@link dev.relmap.manytomany.enrollment.Course} through {@link dev.relmap.manytomany.enrollment.Enrollment}, which
 * carries the enrollment date, the grade and whether the course was completed. Most questions
 * are asked of the link itself, so the reads are projections from {@code Enrollment}: one SELECT
 * each, nothing managed. {@link dev.relmap.manytomany.enrollment.CourseSeats} enrolls within a course's
 * capacity under concurrency, with the course row as the lock.
 *
 * <p>Bad input: a null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require}); a
 * student id no row has, by {@code UnknownIdException}, and a course code by
 * {@code UnknownCourseCodeException}. Once the caller rolls back, a refusal leaves the database as
 * it was.
 */
package dev.relmap.manytomany.enrollment;
