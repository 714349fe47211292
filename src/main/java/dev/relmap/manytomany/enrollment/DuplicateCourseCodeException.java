package dev.relmap.manytomany.enrollment;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * A new course whose code another course already has ({@value Course#UK_CODE}); the message names
 * the code, {@link #constraintName()} the constraint the database enforced. Nothing was written.
 */
public class DuplicateCourseCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final ConstraintKind kind;
    private final String constraintName;

    DuplicateCourseCodeException(String code, ConstraintViolationException cause) {
        super("A course with code '" + code + "' already exists", cause);
        this.code = code;
        this.kind = cause.getKind();
        this.constraintName = Constraints.nameOf(cause);
    }

    /** The code already taken. */
    public String code() {
        return code;
    }

    /** The kind of constraint the database enforced: {@link ConstraintKind#UNIQUE}. */
    public ConstraintKind kind() {
        return kind;
    }

    /** The name of the violated constraint, lower case, as the database reported it. */
    public String constraintName() {
        return constraintName;
    }
}
