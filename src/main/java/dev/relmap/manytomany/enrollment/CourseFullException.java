package dev.relmap.manytomany.enrollment;

/**
 * Every seat of the course is taken; the message names the course and its capacity
 * ({@code Course CS101 is full: all 10 seats are taken}). Nothing was written.
 */
public class CourseFullException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int capacity;

    CourseFullException(String code, int capacity) {
        super("Course " + code + " is full: all " + capacity + " seats are taken");
        this.code = code;
        this.capacity = capacity;
    }

    public String code() {
        return code;
    }

    public int capacity() {
        return capacity;
    }
}
