package dev.relmap.sqlcount.spring;

import dev.relmap.sqlcount.Parent;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A Spring Data JPA repository of the kit's test parents: each call runs through Spring's repository
 * proxy, its transaction interceptor, {@code SharedEntityManagerCreator} and, for the derived
 * queries, {@code JpaQueryExecution}, all between a caller's line and Hibernate.
 */
public interface ParentRepository extends JpaRepository<Parent, Long> {

    /** 1 SELECT, a derived query. */
    List<Parent> findByName(String name);

    /** 2 SELECTs: the page, then the total count. */
    Page<Parent> findByNameStartingWith(String prefix, Pageable pageable);
}
