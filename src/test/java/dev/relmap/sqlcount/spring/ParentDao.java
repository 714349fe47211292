package dev.relmap.sqlcount.spring;

import dev.relmap.sqlcount.Parent;
import jakarta.persistence.EntityManager;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A repository class rather than an interface, as some applications write them: Spring proxies it
 * with a generated subclass ({@code ParentDao$$SpringCGLIB$$0}) to apply {@code @Transactional}, and
 * the methods it inherits run in Spring Data's code, so the proxy's own frame is the first one
 * outside Spring and Hibernate.
 */
@Transactional(readOnly = true)
public class ParentDao extends SimpleJpaRepository<Parent, Long> {

    public ParentDao(EntityManager entityManager) {
        super(Parent.class, entityManager);
    }
}
