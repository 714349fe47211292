package com.example.catalog;

// tag::imports[]
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.AuthorBookCount;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
// end::imports[]

/**
 * relmap's one-to-many reads as a Jakarta Data repository: hibernate-processor writes
 * {@code AuthorCatalog_}, which runs each method on a {@code StatelessSession}, and checks every
 * query against the entities at compile time. Each method says how the books are fetched; counts are
 * data SELECTs for N authors.
 */
// tag::repository[]
@Repository
public interface AuthorCatalog {

    /**
     * 1 SELECT; the books are not fetched, and touching them throws LazyInitializationException:
     * a stateless session never loads lazily, so no N+1 can hide behind this method.
     */
    @Find
    @OrderBy("id")
    List<Author> authors();

    /** 1 SELECT: the books joined. */
    @Query("""
            select a
            from Author a
            left join fetch a.books
            order by a.id""")
    List<Author> authorsWithBooks();

    /** 1 SELECT: every author's number of books, zero included, into a record. */
    @Query("""
            select new dev.relmap.onetomany.AuthorBookCount(a.id, a.name, count(b.id))
            from Author a
            left join a.books b
            group by a.id, a.name
            order by a.id""")
    List<AuthorBookCount> bookCounts();

    /** 2 SELECTs: the page, limited in SQL, and the total count a {@code Page} carries. */
    @Find
    @OrderBy("id")
    Page<Author> authors(PageRequest pageRequest);
}
// end::repository[]
