package com.example.library;

// tag::application[]
import dev.relmap.onetomany.Author;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** The application: relmap's one-to-many entities (Author, Book, Award), read through Spring Data. */
@SpringBootApplication
@EntityScan(basePackageClasses = Author.class)
public class LibraryApplication {

    public static void main(String[] args) {
        SpringApplication.run(LibraryApplication.class, args);
    }
}
// end::application[]
