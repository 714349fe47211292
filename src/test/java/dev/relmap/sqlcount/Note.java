package dev.relmap.sqlcount;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A note with the values that print long or oddly in the kit's evidence: a URL, a long text, a
 * byte array, a date and an instant, each bound as Hibernate binds it on the database in use.
 */
@Entity
@Table(name = "kit_note")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String url;

    @Lob
    private String body;

    @Lob
    private byte[] payload;

    private LocalDate writtenOn;

    private Instant writtenAt;

    protected Note() {
    }

    public Note(String url, String body, byte[] payload, LocalDate writtenOn, Instant writtenAt) {
        this.url = url;
        this.body = body;
        this.payload = payload;
        this.writtenOn = writtenOn;
        this.writtenAt = writtenAt;
    }

    public Long getId() {
        return id;
    }
}
