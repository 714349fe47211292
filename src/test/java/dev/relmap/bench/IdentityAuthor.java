package dev.relmap.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One-to-many's author with an IDENTITY id, for the write benchmark only: Hibernate must insert
 * each row at once to learn its id, so inserts cannot batch.
 */
@Entity
@Table(name = "identity_author")
public class IdentityAuthor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "email", nullable = false, length = 200)
    private String email;

    protected IdentityAuthor() {
    }

    public IdentityAuthor(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public Long getId() {
        return id;
    }
}
