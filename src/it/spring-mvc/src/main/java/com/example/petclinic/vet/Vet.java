package com.example.petclinic.vet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** A vet and its specialties: many-to-many through vet_specialty, owned by the vet. */
@Entity
@Table(name = "vet")
public class Vet {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private String name;

    /** Lazy; touched for many vets, it is batch-fetched (hibernate.default_batch_fetch_size). */
    @ManyToMany
    @JoinTable(name = "vet_specialty",
            joinColumns = @JoinColumn(name = "vet_id", foreignKey = @ForeignKey(name = "fk_vet_specialty_vet")),
            inverseJoinColumns = @JoinColumn(name = "specialty_id",
                    foreignKey = @ForeignKey(name = "fk_vet_specialty_specialty")))
    @OrderBy("name")
    private Set<Specialty> specialties = new LinkedHashSet<>();

    protected Vet() {
    }

    public Vet(String name) {
        this.name = name;
    }

    public void addSpecialty(Specialty specialty) {
        specialties.add(specialty);
    }

    public void removeSpecialty(Specialty specialty) {
        specialties.remove(specialty);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Specialty> getSpecialties() {
        return Collections.unmodifiableSet(specialties);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Vet vet && id != null && id.equals(vet.getId());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
