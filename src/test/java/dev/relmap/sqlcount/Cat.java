package dev.relmap.sqlcount;

import jakarta.persistence.Entity;

/** Part of the kit tests' SINGLE_TABLE hierarchy (see {@link Animal}). */
@Entity
public class Cat extends Pet {

    protected Cat() {
    }

    public Cat(String name, Keeper keeper) {
        super(name, keeper);
    }
}
