package com.example.library;

// tag::imports[]
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.AuthorBookCount;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
// end::imports[]

/**
 * relmap's one-to-many loading strategies as Spring Data repository methods. Counts are data
 * SELECTs for N authors; the inherited {@code findAll()} is the lazy baseline, 1 + N once every
 * author's books are touched.
 */
// tag::repository[]
public interface AuthorRepository extends JpaRepository<Author, Long> {

    /** 1 SELECT: the books joined by the entity graph Spring Data builds from the attribute path. */
    @EntityGraph(attributePaths = "books")
    List<Author> findAllByOrderByIdAsc();

    /** 1 SELECT: the same join written out. */
    @Query("""
            select a
            from Author a
            left join fetch a.books
            order by a.id""")
    List<Author> findAllWithBooks();

    /** 1 SELECT: every author's number of books, zero included, into a record; nothing managed. */
    @Query("""
            select new dev.relmap.onetomany.AuthorBookCount(a.id, a.name, count(b.id))
            from Author a
            left join a.books b
            group by a.id, a.name
            order by a.id""")
    List<AuthorBookCount> findBookCounts();

    /** A page of authors with their books in 2 SELECTs on any Hibernate: the ids, then the fetch. */
    default List<Author> findPageWithBooks(int page, int size) {
        List<Long> ids = findIds(PageRequest.of(page, size));
        return ids.isEmpty() ? List.of() : findAllWithBooksByIdIn(ids);
    }

    @Query("""
            select a.id
            from Author a
            order by a.id""")
    List<Long> findIds(Pageable pageable);

    @Query("""
            select a
            from Author a
            left join fetch a.books
            where a.id in :ids
            order by a.id""")
    List<Author> findAllWithBooksByIdIn(Collection<Long> ids);

    /**
     * The pitfall: JOIN FETCH with a Pageable. Hibernate 7.4 puts the limit in a derived table;
     * 6.0–7.3, which Boot 4.0 ships, read every author and book and page in memory (HHH90003004).
     */
    @Query(value = """
            select a
            from Author a
            left join fetch a.books
            order by a.id""",
            countQuery = "select count(a.id) from Author a")
    Page<Author> findAllWithBooks(Pageable pageable);
}
// end::repository[]
