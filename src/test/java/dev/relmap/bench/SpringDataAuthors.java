package dev.relmap.bench;

import dev.relmap.onetomany.Author;
import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The Spring Data peer of one-to-many: a repository over relmap's own {@link Author}, written as a
 * Spring Data user writes it. {@link #findAll()} is inherited ({@code select a from Author a});
 * touching each author's books then loads them one author at a time, 1 + N SELECTs.
 */
public interface SpringDataAuthors extends JpaRepository<Author, Long> {

    /** The same authors with their books in 1 SELECT: a derived query with an ad-hoc entity graph. */
    @EntityGraph(attributePaths = "books")
    List<Author> findAllWithBooksBy();
}
