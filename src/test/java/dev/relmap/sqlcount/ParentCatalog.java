package dev.relmap.sqlcount;

import jakarta.data.repository.Find;
import jakarta.data.repository.Repository;

/**
 * A Jakarta Data repository of the kit's test parents: hibernate-processor writes its implementation,
 * {@code ParentCatalog_}, whose frames sit between a caller's line and Hibernate.
 */
@Repository
public interface ParentCatalog {

    /** 1 SELECT by primary key. */
    @Find
    Parent parent(Long id);
}
