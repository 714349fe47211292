package dev.relmap.manytomany.enrollment;

/** A change to an enrollment that does not exist; nothing was changed. */
public class NotEnrolledException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    NotEnrolledException(Object student, Object course) {
        super(student + " is not enrolled on " + course);
    }
}
