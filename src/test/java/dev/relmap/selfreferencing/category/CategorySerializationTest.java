package dev.relmap.selfreferencing.category;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonBackReference;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonManagedReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.testsupport.PatternFixture;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A category tree of N nodes as nested JSON: Jackson walking the entities loads every level on
 * the way (1 + N statements); records copied from the recursive-CTE subtree query give the same
 * JSON from 1 statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "in a tree of N = {0}")
@ValueSource(ints = {1, 10, 1000})
class CategorySerializationTest {

    /** The usual patch, as a mix-in: the entity stays free of Jackson annotations. */
    @JsonIgnoreProperties("version")
    abstract static class CategoryPatch {
        @JsonManagedReference
        abstract Set<Category> getSubcategories();

        @JsonBackReference
        abstract Category getParent();
    }

    private static final ObjectMapper PATCHED = JsonMapper.builder()
            .addMixIn(Category.class, CategoryPatch.class)
            .build();

    @Parameter
    int n;

    private PatternFixture fixture;
    private CategoryFixture tables;

    @BeforeAll
    void open() {
        fixture = CategoryFixture.open();
        tables = new CategoryFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @BeforeEach
    void treeOfN() {
        fixture.seed(n);
    }

    @Test
    @DisplayName("Jackson walking the patched entities loads each category's subcategories: 1 + N statements")
    void serializingTheEntityTreeCostsOneStatementPerCategory() {
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            var json = SqlCount.recordResult(() -> PATCHED.<JsonNode>valueToTree(
                    new CategoryRepository(entityManager).findRoots().get(0)));

            assertThat(json.report()).hasSelectCount(1 + n).hasStatementCount(1 + n);
            assertThat(json.value().get("name").asText()).isEqualTo(SampleData.ROOT);
        });
    }

    @Test
    @DisplayName("records copied from the 1-statement subtree query give the same nested JSON, no further statement")
    void recordsFromTheSubtreeQueryGiveTheSameJsonInOneStatement() {
        long rootId = tables.idOf(SampleData.ROOT);
        JsonNode fromEntities = fixture.factory().callInTransaction(entityManager ->
                PATCHED.valueToTree(new CategoryRepository(entityManager).findRoots().get(0)));

        // tag::serialize-tree[]
        var tree = SqlCount.recordResult(() -> fixture.factory().callInTransaction(entityManager ->
                CategoryNode.of(new CategoryRepository(entityManager).findSubtree(rootId))));
        var json = SqlCount.recordResult(() -> new ObjectMapper().<JsonNode>valueToTree(tree.value()));
        // end::serialize-tree[]

        assertThat(tree.report()).hasSelectCount(1).hasStatementCount(1);
        assertThat(json.report()).hasNoStatements();
        assertThat(json.value()).isEqualTo(fromEntities);
        assertThat(json.value().findValues("id")).hasSize(n);
    }

    @Test
    void aNodeOfNoCategoryIsRefusedByName() {
        assertThatThrownBy(() -> CategoryNode.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category must not be null");
    }
}
