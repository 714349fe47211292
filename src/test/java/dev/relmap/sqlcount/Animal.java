package dev.relmap.sqlcount;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The root of a SINGLE_TABLE hierarchy, for the kit's verdict tests: Animal, Pet, Cat, Dog. */
@Entity
@Table(name = "kit_animal")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Animal {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "keeper_id")
    private Keeper keeper;

    protected Animal() {
    }

    public Animal(String name, Keeper keeper) {
        this.name = name;
        this.keeper = keeper;
    }
}
