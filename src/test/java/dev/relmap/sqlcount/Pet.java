package dev.relmap.sqlcount;

import jakarta.persistence.Entity;

/** Part of the kit tests' SINGLE_TABLE hierarchy (see {@link Animal}). */
@Entity
public abstract class Pet extends Animal {

    protected Pet() {
    }

    public Pet(String name, Keeper keeper) {
        super(name, keeper);
    }
}
