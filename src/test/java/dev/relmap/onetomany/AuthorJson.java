package dev.relmap.onetomany;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonBackReference;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonManagedReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.hibernate7.Hibernate7Module;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Jackson mappers the serialization tests hand entities to. The usual patch for the circular
 * reference is applied through mix-ins, Jackson annotations declared here and attached to
 * {@link Author} and {@link Book} by the mapper, so the entities themselves stay free of Jackson.
 */
final class AuthorJson {

    private AuthorJson() {
    }

    /** Jackson as it comes: every getter is a property, {@code Book.getAuthor()} included. */
    static ObjectMapper plain() {
        return JsonMapper.builder().build();
    }

    // tag::json-patch[]
    /** The usual patch: books are the managed side, {@code Book.author} the back reference. */
    @JsonIgnoreProperties({"awards", "bookCount"})
    abstract static class AuthorPatch {
        @JsonManagedReference
        abstract List<Book> getBooks();
    }

    abstract static class BookPatch {
        @JsonBackReference
        abstract Author getAuthor();
    }

    static ObjectMapper patched() {
        return JsonMapper.builder()
                .addMixIn(Author.class, AuthorPatch.class)
                .addMixIn(Book.class, BookPatch.class)
                .build();
    }
    // end::json-patch[]

    /** The patch with Jackson's Hibernate 7 module, at its defaults; properties still read by getters. */
    static ObjectMapper patchedWithHibernateModule() {
        return JsonMapper.builder()
                .addMixIn(Author.class, AuthorPatch.class)
                .addMixIn(Book.class, BookPatch.class)
                .addModule(new Hibernate7Module())
                .build();
    }

    /** The same patch on the fields, which is where the Hibernate module sees Hibernate's collection. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    @JsonIgnoreProperties({"awards", "bookCount"})
    abstract static class AuthorFieldsPatch {
        @JsonManagedReference
        List<Book> books;
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    abstract static class BookFieldsPatch {
        @JsonBackReference
        Author author;
    }

    /** The Hibernate 7 module at its defaults, Jackson reading the entities' fields. */
    static ObjectMapper fieldsWithHibernateModule() {
        return JsonMapper.builder()
                .addMixIn(Author.class, AuthorFieldsPatch.class)
                .addMixIn(Book.class, BookFieldsPatch.class)
                .addModule(new Hibernate7Module())
                .build();
    }

    /**
     * The tree with each author's books sorted by id: {@code Author.books} has no {@code @OrderBy},
     * so no query here orders them and two reads may list them differently.
     */
    static JsonNode withBooksById(JsonNode authors) {
        JsonNode copy = authors.deepCopy();
        for (JsonNode author : copy) {
            List<JsonNode> books = new ArrayList<>();
            author.get("books").forEach(books::add);
            books.sort(Comparator.comparingLong(book -> book.get("id").asLong()));
            ((ObjectNode) author).set("books", ((ArrayNode) author.get("books")).removeAll().addAll(books));
        }
        return copy;
    }
}
