package dev.relmap.sqlcount;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/** An entity whose ids come from a table ({@code GenerationType.TABLE}), for the kit's tests. */
@Entity
@Table(name = "kit_ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "kit_ticket_ids")
    @TableGenerator(name = "kit_ticket_ids", table = "kit_ids", allocationSize = 1)
    private Long id;

    private String title;

    protected Ticket() {
    }

    public Ticket(String title) {
        this.title = title;
    }
}
