package dev.relmap.manytomany.enrollment;

import java.util.NoSuchElementException;

/**
 * No course has this code; the message names it ({@code No Course with code XX404}) and
 * {@link #code()} returns it. Nothing was written. A {@link NoSuchElementException}, like
 * {@link UnknownIdException}: the course the caller named is not there.
 */
public class UnknownCourseCodeException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public UnknownCourseCodeException(String code) {
        super("No Course with code " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
