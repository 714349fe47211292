package dev.relmap.manytomany.enrollment;

/** No course has this code; the message names it ({@code No Course with code XX404}). Nothing was written. */
public class UnknownCourseCodeException extends RuntimeException {

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
