/**
 * Many-to-many with data on the link: {@link dev.relmap.manytomany.enrollment.Student} ↔
 * {@link dev.relmap.manytomany.enrollment.Course} through {@link dev.relmap.manytomany.enrollment.Enrollment}, which
 * carries the enrollment date, the grade and whether the course was completed. Most questions
 * are asked of the link itself, so the reads are projections from {@code Enrollment}: one SELECT
 * each, nothing managed. {@link dev.relmap.manytomany.enrollment.CourseSeats} enrolls within a course's
 * capacity under concurrency, with the course row as the lock.
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * a student id no row has, by {@code UnknownIdException}, a course code, by
 * {@code UnknownCourseCodeException}, and an enrollment that does not exist, by
 * {@code NotEnrolledException}, all {@code NoSuchElementException}s; a taken course code or a
 * second enrollment, by {@code DuplicateCourseCodeException} or {@code DuplicateEnrollmentException},
 * both a {@code DuplicateKeyException} (an {@code IllegalStateException}); a full course, by
 * {@code CourseFullException}, an {@code IllegalStateException}.
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.manytomany.enrollment;
