package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.testsupport.PatternFixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Entity identity across transient, managed and detached; toString; the schema the mapping makes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManyIdentityTest {

    private PatternFixture fixture;
    private OneToManyFixture tables;

    @BeforeAll
    void open() {
        fixture = OneToManyFixture.open();
        tables = new OneToManyFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void startEmpty() {
        fixture.clear();
    }

    @Nested
    @DisplayName("Author and Book: equals and hashCode")
    class EqualsAndHashCode {

        @Test
        @DisplayName("an author put in a HashSet before persist is found after persist, detached and after merge")
        void anAuthorIsFoundInASetAcrossItsLifecycle() {
            Author author = SampleData.author(1, 2);
            Set<Author> authors = new HashSet<>(Set.of(author));

            fixture.factory().runInTransaction(entityManager -> entityManager.persist(author));
            Author loadedElsewhere = fixture.factory().callInTransaction(entityManager -> entityManager.find(Author.class, author.getId()));
            Author merged = fixture.factory().callInTransaction(entityManager -> entityManager.merge(author));

            assertThat(authors).contains(author, loadedElsewhere, merged);
            assertThat(merged).isNotSameAs(author);
        }

        @Test
        @DisplayName("a book put in a HashSet before persist is found after persist and in a fresh load")
        void aBookIsFoundInASetAcrossItsLifecycle() {
            Author author = SampleData.author(1, 2);
            Book book = author.getBooks().get(0);
            Set<Book> books = new HashSet<>(Set.of(book));

            fixture.factory().runInTransaction(entityManager -> entityManager.persist(author));
            Book loadedElsewhere = fixture.factory().callInTransaction(entityManager -> entityManager.find(Book.class, book.getId()));

            assertThat(books).contains(book, loadedElsewhere);
        }

        @Test
        @DisplayName("an award (equal by id, constant hash code) is found in a HashSet before and after persist")
        void anAwardWithoutNaturalKeyIsFoundInASetAcrossItsLifecycle() {
            Author author = SampleData.author(1, 0);
            Award award = new Award("Prize", 2024);
            author.addAward(award);
            Set<Award> awards = new HashSet<>(Set.of(award));

            fixture.factory().runInTransaction(entityManager -> entityManager.persist(author));
            Award loadedElsewhere = fixture.factory().callInTransaction(entityManager -> entityManager.find(Award.class, award.getId()));

            assertThat(awards).contains(award, loadedElsewhere);
            assertThat(new Award("Prize", 2024)).isNotEqualTo(new Award("Prize", 2024));
        }

        /**
         * The e-mail and the ISBN are business keys, not {@code @NaturalId}s: a natural id would make
         * Hibernate keep a resolution for every author and book a read loads, which a JOIN FETCH of
         * 1 000 authors pays for in CPU and bytes (docs/benchmarks.md).
         */
        @Test
        @DisplayName("a JOIN FETCH of authors and books leaves no natural-id entry in the persistence context")
        void readingAuthorsAndBooksRegistersNoNaturalId() {
            fixture.factory().runInTransaction(entityManager -> new AuthorWrites(entityManager).create(SampleData.author(1, 2)));

            fixture.unit().runInRolledBackTransaction(entityManager -> {
                List<Author> authors = new AuthorRepository(entityManager).findAllWithBooks();

                var session = entityManager.unwrap(SharedSessionContractImplementor.class);
                var resolutions = session.getPersistenceContextInternal().getNaturalIdResolutions();
                var metamodel = session.getFactory().getMappingMetamodel();
                Author author = authors.get(0);
                Book book = author.getBooks().get(0);
                assertThat(resolutions.findCachedNaturalIdById(author.getId(), metamodel.getEntityDescriptor(Author.class)))
                        .isNull();
                assertThat(resolutions.findCachedNaturalIdById(book.getId(), metamodel.getEntityDescriptor(Book.class)))
                        .isNull();
            });
        }

        @Test
        void aProxyEqualsTheAuthorItStandsFor() {
            Author author = SampleData.author(1, 0);
            fixture.factory().runInTransaction(entityManager -> entityManager.persist(author));

            fixture.unit().runInRolledBackTransaction(entityManager ->
                    assertThat(entityManager.getReference(Author.class, author.getId())).isEqualTo(author));
        }
    }

    @Nested
    @DisplayName("Author and Book: toString")
    class ToString {

        @Test
        void printingAnAuthorOrABookIssuesNoStatementAndNeedsNoOpenEntityManager() {
            fixture.factory().runInTransaction(entityManager -> new AuthorWrites(entityManager).create(SampleData.author(1, 2)));

            fixture.unit().runInRolledBackTransaction(entityManager -> {
                Book book = entityManager.createQuery("select b from Book b", Book.class).getResultList().get(0);

                var printed = SqlCount.recordResult(() -> book + " by " + book.getAuthor().getId());

                assertThat(printed.report()).hasNoStatements();
                assertThat(printed.value()).startsWith("Book{id=").contains("isbn='1-1'");
            });
            Author detached = fixture.factory().callInTransaction(entityManager ->
                    new AuthorRepository(entityManager).findAll().get(0));
            assertThat(detached.toString()).isEqualTo(
                    "Author{id=" + detached.getId() + ", name='Author 1', email='author-1@relmap.dev'}");
        }
    }

    @Nested
    @DisplayName("The one-to-many schema")
    class Schema {

        @Test
        void theBookTableHasTheForeignKeyUniqueKeyAndIndexTheMappingNames() throws SQLException {
            try (Connection connection = fixture.unit().dataSource().getConnection()) {
                DatabaseMetaData metadata = connection.getMetaData();
                String book = metadata.storesUpperCaseIdentifiers() ? "BOOK" : "book";

                List<String> foreignKeys = names(metadata.getImportedKeys(
                        connection.getCatalog(), connection.getSchema(), book), "FK_NAME");
                List<String> indexes = names(metadata.getIndexInfo(
                        connection.getCatalog(), connection.getSchema(), book, false, false), "INDEX_NAME");

                // H2 reports the index behind a unique constraint under a name of its own.
                String uniqueIndex = switch (fixture.unit().settings().database()) {
                    case H2 -> "uk_book_isbn_index_1";
                    case POSTGRESQL, MARIADB -> "uk_book_isbn";
                };
                assertThat(foreignKeys).containsExactly(Book.FK_AUTHOR);
                assertThat(indexes).contains(uniqueIndex, "ix_book_author_id");
            }
        }

        @Test
        @DatabaseRefusalExpected
        void theBookTableRefusesANullTitle() {
            long authorId = fixture.factory().callInTransaction(entityManager ->
                    new AuthorWrites(entityManager).create(SampleData.author(1, 0)).getId());

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    entityManager.createNativeQuery(
                            "insert into book (id, title, isbn, pages, author_id) values (-1, null, 'x', 1, ?)")
                            .setParameter(1, authorId)
                            .executeUpdate()))
                    // For a missing value the database names the column, not a constraint.
                    .satisfies(refused -> assertThat(Constraints.violated(refused, ConstraintKind.NOT_NULL, "title"))
                            .isPresent());

            assertThat(tables.rowCounts()).containsEntry("book", 0L);
        }
    }

    private static List<String> names(ResultSet rows, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                if (rows.getString(column) != null) {
                    names.add(rows.getString(column).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
