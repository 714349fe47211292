package dev.relmap.manytomany.enrollment;

import jakarta.persistence.EntityManager;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/** Creates courses. Runs in the caller's transaction and flushes, so a refusal surfaces here. */
public class CourseRepository {

    private final EntityManager entityManager;

    public CourseRepository(EntityManager entityManager) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
    }

    /**
     * A new course: 1 INSERT (and a sequence call per 50 ids). The database enforces the unique
     * code; the refusal comes back typed, naming the code.
     *
     * @throws IllegalArgumentException if {@code code} or {@code name} is null or blank; no statement is sent
     * @throws DuplicateCourseCodeException naming the code, when another course has it; nothing is written
     */
    public Course create(String code, String name) {
        Require.notBlank(code, "code");
        Require.notBlank(name, "name");
        Course course = new Course(code, name);
        entityManager.persist(course);
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Constraints.violated(e, ConstraintKind.UNIQUE, Course.UK_CODE)
                    .<RuntimeException>map(violation -> new DuplicateCourseCodeException(code, violation))
                    .orElse(e);
        }
        return course;
    }
}
