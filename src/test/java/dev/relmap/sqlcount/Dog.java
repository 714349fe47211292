package dev.relmap.sqlcount;

import jakarta.persistence.Entity;

/** Part of the kit tests' SINGLE_TABLE hierarchy (see {@link Animal}). */
@Entity
public class Dog extends Pet {

    protected Dog() {
    }

    public Dog(String name, Keeper keeper) {
        super(name, keeper);
    }
}
