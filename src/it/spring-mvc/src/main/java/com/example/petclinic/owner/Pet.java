package com.example.petclinic.owner;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A pet: its owner and its type (both lazy), and its visits, which it owns. */
@Entity
@Table(name = "pet")
public class Pet {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", foreignKey = @ForeignKey(name = "fk_pet_owner"))
    private Owner owner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "type_id", foreignKey = @ForeignKey(name = "fk_pet_type"))
    private PetType type;

    @OneToMany(mappedBy = "pet", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("date")
    private List<Visit> visits = new ArrayList<>();

    protected Pet() {
    }

    public Pet(String name, PetType type) {
        this.name = name;
        this.type = type;
    }

    public void addVisit(Visit visit) {
        visits.add(visit);
        visit.setPet(this);
    }

    public void removeVisit(Visit visit) {
        visits.remove(visit);
        visit.setPet(null);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Owner getOwner() {
        return owner;
    }

    void setOwner(Owner owner) {
        this.owner = owner;
    }

    public PetType getType() {
        return type;
    }

    public List<Visit> getVisits() {
        return Collections.unmodifiableList(visits);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Pet pet && id != null && id.equals(pet.getId());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
