package dev.relmap.bench;

import dev.relmap.manytomany.link.Book;
import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The Spring Data peer of many-to-many: a repository over relmap's own link-entity {@link Book},
 * written as a Spring Data user writes it. {@link #findAll()} is inherited
 * ({@code select b from Book b}); touching each book's credits then loads its links, and each
 * author not yet loaded, one at a time.
 */
public interface SpringDataBooks extends JpaRepository<Book, Long> {

    /** The same books with their links and the links' authors in 1 SELECT: an ad-hoc entity graph. */
    @EntityGraph(attributePaths = {"authorLinks", "authorLinks.author"})
    List<Book> findAllWithAuthorsBy();
}
