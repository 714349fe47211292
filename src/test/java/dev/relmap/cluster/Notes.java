package dev.relmap.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One small row, {@code note(id, text)}, with each id strategy measured on Galera: a sequence with
 * an allocation size of 50 (as every relmap pattern maps its ids), IDENTITY and a UUID.
 */
final class Notes {

    private Notes() {
    }

    @Entity(name = "SequenceNote")
    @Table(name = "note")
    static class SequenceNote {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_seq")
        @SequenceGenerator(name = "note_seq", sequenceName = "note_seq", allocationSize = 50)
        Long id;

        @Column(name = "text", nullable = false, length = 40)
        String text;

        SequenceNote() {
        }

        SequenceNote(String text) {
            this.text = text;
        }
    }

    @Entity(name = "IdentityNote")
    @Table(name = "note")
    static class IdentityNote {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(name = "text", nullable = false, length = 40)
        String text;

        IdentityNote() {
        }

        IdentityNote(String text) {
            this.text = text;
        }
    }

    @Entity(name = "UuidNote")
    @Table(name = "note")
    static class UuidNote {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        UUID id;

        @Column(name = "text", nullable = false, length = 40)
        String text;

        UuidNote() {
        }

        UuidNote(String text) {
            this.text = text;
        }
    }
}
