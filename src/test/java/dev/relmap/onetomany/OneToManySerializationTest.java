package dev.relmap.onetomany;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import org.hibernate.LazyInitializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Handing authors to Jackson (the JSON library most applications use) at N = 1, 10 and 1000
 * authors of {@value SampleData#BOOKS_PER_AUTHOR} books: the entity recurses, the usual patch
 * turns serialization into an N+1 no repository method shows, a closed EntityManager fails or
 * drops data depending on configuration, and records from one query serialize the same JSON in
 * 1 statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToManySerializationTest {

    private PatternFixture fixture;

    @BeforeAll
    void open() {
        fixture = OneToManyFixture.open();
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void aViewOfNoAuthorIsRefusedByName() {
        assertThatThrownBy(() -> AuthorView.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("author must not be null");
    }

    @Nested
    @DisplayName("With N authors")
    @ParameterizedClass(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    class WithNAuthors {

        @Parameter
        int n;

        @BeforeEach
        void seed() {
            fixture.seed(n);
        }

        @Test
        @DisplayName("the plain entity recurses author → book → author until Jackson gives up: 2 statements, then an exception")
        void thePlainEntityRecursesForever() {
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                var attempt = SqlCount.recordResult(() -> catchThrowable(() ->
                        AuthorJson.plain().writeValueAsString(new AuthorRepository(entityManager).findAll())));

                assertThat(attempt.report()).hasSelectCount(2).hasStatementCount(2);
                assertThat(attempt.value()).isInstanceOf(JsonMappingException.class)
                        .hasMessageStartingWith("Document nesting depth (1002) exceeds the maximum allowed (1000")
                        .hasCauseInstanceOf(StreamConstraintsException.class);
            });
        }

        @Test
        @DisplayName("the patched entity serializes, loading each author's books on the way: 1 + N statements")
        void thePatchedEntityLoadsEveryCollectionWhileSerializing() {
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                // tag::serialize-entities[]
                var json = SqlCount.recordResult(() -> AuthorJson.patched().<JsonNode>valueToTree(
                        new AuthorRepository(entityManager).findAll()));
                // end::serialize-entities[]

                assertThat(json.report()).hasSelectCount(1 + n).hasStatementCount(1 + n);
                assertThat(json.value()).hasSize(n)
                        .allSatisfy(author -> assertThat(author.get("books")).hasSize(SampleData.BOOKS_PER_AUTHOR));
            });
        }

        @Test
        @DisplayName("records from one JOIN FETCH serialize the same JSON in 1 statement, after the EntityManager closed")
        void recordsFromOneQuerySerializeTheSameJsonInOneStatement() {
            // The patched entities' JSON, their books fetched up front (the 1 + N walk gives the same JSON, slower).
            JsonNode fromEntities = fixture.factory().callInTransaction(entityManager ->
                    AuthorJson.patched().<JsonNode>valueToTree(new AuthorRepository(entityManager).findAllWithBooks()));

            // tag::serialize-records[]
            var views = SqlCount.recordResult(() -> fixture.factory().callInTransaction(entityManager ->
                    new AuthorRepository(entityManager).findAllWithBooks().stream().map(AuthorView::of).toList()));
            var json = SqlCount.recordResult(() -> new ObjectMapper().<JsonNode>valueToTree(views.value()));
            // end::serialize-records[]

            assertThat(views.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(json.report()).hasNoStatements();
            assertThat(AuthorJson.withBooksById(json.value())).isEqualTo(AuthorJson.withBooksById(fromEntities));
        }

        @Nested
        @DisplayName("After the EntityManager closed")
        class AfterTheEntityManagerClosed {

            @Test
            @DisplayName("the patched entity fails: LazyInitializationException inside Jackson's JsonMappingException, no statement")
            void thePatchedEntityFailsWithLazyInitialization() {
                List<Author> detached = fixture.factory().callInTransaction(entityManager ->
                        new AuthorRepository(entityManager).findAll());

                var attempt = SqlCount.recordResult(() -> catchThrowable(() ->
                        AuthorJson.patched().writeValueAsString(detached)));

                assertThat(attempt.report()).hasNoStatements();
                assertThat(attempt.value()).isExactlyInstanceOf(JsonMappingException.class)
                        .hasRootCauseInstanceOf(LazyInitializationException.class)
                        .hasMessageContaining("Author[\"books\"]");
            }

            @Test
            @DisplayName("the Hibernate module does not help through getters: Author.getBooks() returns a view, not Hibernate's collection")
            void theHibernateModuleCannotSeeThroughTheGetter() {
                List<Author> detached = fixture.factory().callInTransaction(entityManager ->
                        new AuthorRepository(entityManager).findAll());

                var attempt = SqlCount.recordResult(() -> catchThrowable(() ->
                        AuthorJson.patchedWithHibernateModule().writeValueAsString(detached)));

                assertThat(attempt.report()).hasNoStatements();
                assertThat(attempt.value()).isExactlyInstanceOf(JsonMappingException.class)
                        .hasRootCauseInstanceOf(LazyInitializationException.class);
            }

            @Test
            @DisplayName("the Hibernate module on fields writes \"books\": null for every author: no error, no statement, data missing")
            void theHibernateModuleOnFieldsSilentlyDropsTheBooks() {
                List<Author> detached = fixture.factory().callInTransaction(entityManager ->
                        new AuthorRepository(entityManager).findAll());

                var json = SqlCount.recordResult(() -> AuthorJson.fieldsWithHibernateModule().<JsonNode>valueToTree(detached));

                assertThat(json.report()).hasNoStatements();
                assertThat(json.value()).hasSize(n).allSatisfy(author -> {
                    assertThat(author.get("name").asText()).startsWith("Author ");
                    assertThat(author.get("books").isNull()).isTrue();
                });
            }
        }

        @Test
        @DisplayName("the Hibernate module on fields drops unloaded books even inside the transaction: 1 statement, \"books\": null")
        void theHibernateModuleDropsUnloadedBooksEvenWhileOpen() {
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                var json = SqlCount.recordResult(() -> AuthorJson.fieldsWithHibernateModule()
                        .<JsonNode>valueToTree(new AuthorRepository(entityManager).findAll()));

                assertThat(json.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(json.value()).hasSize(n).allSatisfy(author -> assertThat(author.get("books").isNull()).isTrue());
            });
        }
    }
}
