package dev.relmap.manytomany.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.testsupport.PatternFixture;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the mapping itself guarantees: stable equality, and the link table's own rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookAuthorMappingTest {

    private PatternFixture fixture;
    private ManyToManyFixture tables;

    @BeforeAll
    void open() {
        fixture = ManyToManyFixture.open();
        tables = new ManyToManyFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void emptyTables() {
        fixture.clear();
    }

    @Test
    void aSetFindsTheBookItsAuthorAndTheirLinkAfterPersistAndAfterMerge() {
        Author author = new Author("Ursula K. Le Guin", "ursula@example.org");
        Book book = new Book("The Dispossessed", "978-0061054884");
        BookAuthorLink link = book.addAuthor(author, AuthorRole.WRITER);
        Set<Object> seen = new HashSet<>(List.of(book, author, link));

        fixture.factory().runInTransaction(entityManager -> {
            entityManager.persist(author);
            entityManager.persist(book);
        });
        Book merged = fixture.factory().callInTransaction(entityManager -> entityManager.merge(book));

        assertThat(seen).contains(book, author, link);
        assertThat(seen).contains(merged, merged.getAuthorLinks().get(0), merged.getAuthorLinks().get(0).getAuthor());
    }

    @DisplayName("the database writes WRITER when a link row names no role")
    @Test
    void roleDefaultsToWriterInTheDatabase() {
        long authorId = tables.authors(1).get(0);
        long bookId = tables.book("978-0061054884", List.of());

        fixture.factory().runInTransaction(entityManager -> entityManager
                .createNativeQuery("insert into book_author (book_id, author_id) values (?, ?)")
                .setParameter(1, bookId)
                .setParameter(2, authorId)
                .executeUpdate());

        assertThat(tables.links()).containsExactly(bookId + "/" + authorId + "/WRITER");
    }

    @DisplayName("the database refuses a role that is not one of the enum's names")
    @Test
    @DatabaseRefusalExpected
    void anUnknownRoleIsRefusedByTheDatabase() {
        long authorId = tables.authors(1).get(0);
        long bookId = tables.book("978-0061054884", List.of());

        // An enum column type on H2 and MariaDB (strict mode): a data error. On PostgreSQL a check
        // constraint, which Hibernate names after the table and column.
        assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager -> entityManager
                        .createNativeQuery("insert into book_author (book_id, author_id, role) values (?, ?, 'AUTHOR')")
                        .setParameter(1, bookId)
                        .setParameter(2, authorId)
                        .executeUpdate()))
                .isInstanceOf(PersistenceException.class)
                .satisfies(refused -> {
                    switch (fixture.unit().settings().database()) {
                        case POSTGRESQL -> assertThat(Constraints.violated(
                                refused, ConstraintKind.CHECK, "book_author_role_check")).isPresent();
                        case H2, MARIADB -> assertThat(causes(refused)).hasAtLeastOneElementOfType(DataException.class);
                    }
                });

        assertThat(tables.links()).isEmpty();
    }

    @DisplayName("ordering by the role column sorts the names alphabetically, not in declaration order")
    @Test
    void orderingByTheRoleColumnSortsByName() {
        List<Long> authorIds = tables.authors(3);
        long bookId = fixture.factory().callInTransaction(entityManager -> {
            Book book = new Book("Watchmen", "978-0930289232");
            book.addAuthor(entityManager.getReference(Author.class, authorIds.get(0)), AuthorRole.ILLUSTRATOR);
            book.addAuthor(entityManager.getReference(Author.class, authorIds.get(1)), AuthorRole.EDITOR);
            book.addAuthor(entityManager.getReference(Author.class, authorIds.get(2)), AuthorRole.WRITER);
            entityManager.persist(book);
            return book.getId();
        });

        List<AuthorRole> roles = fixture.factory().callInTransaction(entityManager -> entityManager.createQuery("""
                        select l.role
                        from BookAuthorLink l
                        where l.book.id = :bookId
                        order by l.role
                        """, AuthorRole.class)
                .setParameter("bookId", bookId)
                .getResultList());

        // Why BookRepository.authorsOf spells the order out with case. The same on all three: a
        // varchar with a check constraint on PostgreSQL; on H2 and MariaDB an enum column, which
        // sorts by position, but Hibernate lists the names sorted: enum('EDITOR','ILLUSTRATOR','WRITER').
        assertThat(roles).containsExactly(AuthorRole.EDITOR, AuthorRole.ILLUSTRATOR, AuthorRole.WRITER);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
