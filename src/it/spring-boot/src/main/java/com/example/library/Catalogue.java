package com.example.library;

import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.Book;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the application does with the authors: a service, each call its own read-only transaction. */
@Service
@Transactional(readOnly = true)
public class Catalogue {

    private final AuthorRepository authors;

    public Catalogue(AuthorRepository authors) {
        this.authors = authors;
    }

    /** Each author's book titles: 1 SELECT. */
    public Map<String, List<String>> titlesByAuthor() {
        return titles(authors.findAllWithBooks());
    }

    /** The same titles from the inherited {@code findAll()}: 1 + N SELECTs, the N+1. */
    public Map<String, List<String>> titlesByAuthorLazily() {
        return titles(authors.findAll());
    }

    private static Map<String, List<String>> titles(List<Author> authors) {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        authors.forEach(author -> titles.put(author.getName(), author.getBooks().stream().map(Book::getTitle).toList()));
        return titles;
    }
}
