package com.example.petclinic.owner;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An owner and the pets it owns: the aggregate root, which cascades to its pets. */
@Entity
@Table(name = "owner")
public class Owner {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String city;

    /** Lazy; touched for many owners, it is batch-fetched (hibernate.default_batch_fetch_size). */
    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<Pet> pets = new ArrayList<>();

    protected Owner() {
    }

    public Owner(String name, String city) {
        this.name = name;
        this.city = city;
    }

    public void addPet(Pet pet) {
        pets.add(pet);
        pet.setOwner(this);
    }

    public void removePet(Pet pet) {
        pets.remove(pet);
        pet.setOwner(null);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCity() {
        return city;
    }

    public List<Pet> getPets() {
        return Collections.unmodifiableList(pets);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Owner owner && id != null && id.equals(owner.getId());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
