package dev.relmap.manytomany.enrollment;

import org.hibernate.exception.ConstraintViolationException;

/**
 * A new course whose code another course already has ({@value Course#UK_CODE}); the message names
 * the code, {@link #constraintName()} the constraint the database enforced. Nothing was written.
 */
public class DuplicateCourseCodeException extends DuplicateKeyException {

    private static final long serialVersionUID = 1L;

    DuplicateCourseCodeException(String code, ConstraintViolationException violation) {
        super("A course with code '" + code + "' already exists", code, violation);
    }

    /** The code already taken. */
    public String code() {
        return (String) value();
    }
}
