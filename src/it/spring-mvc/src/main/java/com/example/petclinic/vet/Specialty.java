package com.example.petclinic.vet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A vet's specialty: radiology, surgery, … A lookup row shared by many vets. */
@Entity
@Table(name = "specialty")
public class Specialty {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    protected Specialty() {
    }

    public Specialty(String name) {
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
        return this == other || other instanceof Specialty specialty && id != null && id.equals(specialty.getId());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
