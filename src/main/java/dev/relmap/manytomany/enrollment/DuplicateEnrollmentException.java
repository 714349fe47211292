package dev.relmap.manytomany.enrollment;

/** A second enrollment of the same student on the same course; nothing was changed. */
public class DuplicateEnrollmentException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    DuplicateEnrollmentException(Object student, Object course) {
        super(student + " is already enrolled on " + course);
    }
}
