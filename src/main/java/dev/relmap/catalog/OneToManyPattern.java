package dev.relmap.catalog;

import dev.relmap.onetomany.*;
import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import dev.relmap.sqlcount.SqlCount;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hibernate.Version;

/**
 * Author → Book declared once for the tour, the table on its docs page and the tests. Each strategy runs a
 * repository method over N seeded authors (M = {@value SampleData#BOOKS_PER_AUTHOR} books each)
 * and reads what the use case reads; it returns how many books (or records) it read.
 */
public final class OneToManyPattern implements MappingPattern {

    /** Authors per page in the paging strategies. */
    public static final int PAGE_SIZE = 10;

    private static final int M = SampleData.BOOKS_PER_AUTHOR;

    /** How H2, PostgreSQL and MariaDB SQL limits rows, as Hibernate renders it. */
    private static final Pattern LIMIT =
            Pattern.compile("(?i)\\b(limit|offset|fetch\\s+(first|next))\\b");

    @Override
    public String name() {
        return "one-to-many";
    }

    @Override
    public String title() {
        return "One-to-many: Author → Book";
    }

    @Override
    public String family() {
        return "One-to-many";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Author.class, Book.class, Award.class);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        SampleData.seed(entityManager, n);
    }

    @Override
    public List<Strategy> strategies() {
        int batch = AuthorRepository.FETCH_BATCH_SIZE;
        CountFormula books = CountFormula.of(M + "N", n -> n * M);
        CountFormula pageOfBooks = CountFormula.of(M + " × min(N, " + PAGE_SIZE + ")", n -> Math.min(n, PAGE_SIZE) * M);
        return List.of(
                authors("lazy (N+1)", "Loads the authors, then each author's books on first touch: one query per author.",
                        CountFormula.of("1 + N", n -> 1 + n), books, NPlusOne.FROM_TWO_ROOTS, AuthorRepository::findAll).by("AuthorRepository.findAll"),
                authors("JOIN FETCH", "One query joins authors to books; Hibernate de-duplicates the roots.",
                        CountFormula.constant(1), books, NPlusOne.NEVER, AuthorRepository::findAllWithBooks).by("AuthorRepository.findAllWithBooks"),
                authors("named entity graph", "The same join, asked for by the @NamedEntityGraph on Author.",
                        CountFormula.constant(1), books, NPlusOne.NEVER, AuthorRepository::findAllWithBooksByNamedGraph).by("AuthorRepository.findAllWithBooksByNamedGraph"),
                authors("typed entity graph", "The same join, asked for by a graph built from the static metamodel.",
                        CountFormula.constant(1), books, NPlusOne.NEVER, AuthorRepository::findAllWithBooksByTypedGraph).by("AuthorRepository.findAllWithBooksByTypedGraph"),
                authors("batch fetch (" + batch + ")",
                        "Loads the authors, then the books of " + batch + " authors per query.",
                        CountFormula.of("1 + ⌈N/" + batch + "⌉", n -> 1 + (n + batch - 1) / batch), books, NPlusOne.NEVER,
                        repository -> repository.findAllThenBatchFetchBooks(batch)).by("AuthorRepository.findAllThenBatchFetchBooks"),
                authors("subselect fetch", "Loads the authors, then all their books in one query that repeats the first as a subquery.",
                        CountFormula.constant(2), books, NPlusOne.NEVER, AuthorRepository::findAllThenSubselectBooks).by("AuthorRepository.findAllThenSubselectBooks"),
                authors("page: ids, then fetch", "Pages author ids, then fetches those authors with their books.",
                        CountFormula.constant(2), pageOfBooks, NPlusOne.NEVER,
                        repository -> repository.findPageWithBooks(0, PAGE_SIZE)).by("AuthorRepository.findPageWithBooks"),
                authors("page: JOIN FETCH + limit", "One query; Hibernate 7.4 applies the limit to authors in a derived table.",
                        CountFormula.constant(1), pageOfBooks, NPlusOne.NEVER,
                        OneToManyPattern::pageInOneQueryLimitedInSql).by("AuthorRepository.findPageWithBooksInOneQuery"),
                new Strategy("book counts (record)", "Every author with their number of books, zero included, as records.",
                        CountFormula.constant(1), CountFormula.of("N", n -> n), NPlusOne.NEVER,
                        entityManager -> new AuthorRepository(entityManager).findBookCounts().size()).by("AuthorRepository.findBookCounts"),
                new Strategy("books + author name (record)", "Books joined to their author's name, read into records.",
                        CountFormula.constant(1), books, NPlusOne.NEVER,
                        entityManager -> new BookRepository(entityManager).findSummaries().size()).by("BookRepository.findSummaries"),
                new Strategy("books JOIN FETCH author", "Books with their author entity in one join.",
                        CountFormula.constant(1), books, NPlusOne.NEVER,
                        entityManager -> touchAuthors(new BookRepository(entityManager).findAllWithAuthor())).by("BookRepository.findAllWithAuthor"));
    }

    private static Strategy authors(String name, String description, CountFormula selects, CountFormula rows,
            NPlusOne nPlusOne, Function<AuthorRepository, List<Author>> query) {
        return new Strategy(name, description, selects, rows, nPlusOne,
                entityManager -> touchBooks(query.apply(new AuthorRepository(entityManager))));
    }

    /**
     * The one-query page, refused when the limit is not in the SQL: before Hibernate 7.4 the same
     * call reads every author and book and pages in memory (warning HHH90003004), still in one
     * SELECT, so its statement count alone would pass for the promise kept.
     */
    private static List<Author> pageInOneQueryLimitedInSql(AuthorRepository repository) {
        SqlCount.Recorded<List<Author>> page =
                SqlCount.recordResult(() -> repository.findPageWithBooksInOneQuery(0, PAGE_SIZE));
        if (page.report().statements().stream().noneMatch(statement -> LIMIT.matcher(statement.sql()).find())) {
            throw new IllegalStateException("Hibernate " + Version.getVersionString() + " paged in memory"
                    + " (HHH90003004): its SELECT has no limit, so every author and book was read;"
                    + " a JOIN FETCH page in one query needs Hibernate 7.4");
        }
        return page.value();
    }

    /** Reads every author's books, as a page listing them would. */
    private static int touchBooks(List<Author> authors) {
        int books = 0;
        for (Author author : authors) {
            for (Book book : author.getBooks()) {
                books += book.getTitle().length() > 0 ? 1 : 0;
            }
        }
        return books;
    }

    private static int touchAuthors(List<Book> books) {
        return (int) books.stream().map(book -> book.getAuthor().getName()).count();
    }
}
