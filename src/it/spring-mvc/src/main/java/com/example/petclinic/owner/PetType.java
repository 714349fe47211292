package com.example.petclinic.owner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lookup row: cat, dog, … Each pet points to one; the pet forms offer one option per type. */
@Entity
@Table(name = "pet_type")
public class PetType {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    protected PetType() {
    }

    public PetType(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof PetType type && id != null && id.equals(type.getId());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
