package dev.relmap.concurrency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named count, {@code tally(id, total)}: the rows two transactions lock in opposite order. */
@Entity
@Table(name = "tally")
class Tally {

    @Id
    private Long id;

    @Column(name = "total", nullable = false)
    private int total;

    protected Tally() {
    }

    Tally(long id) {
        this.id = id;
    }

    int getTotal() {
        return total;
    }

    void add(int amount) {
        total += amount;
    }
}
