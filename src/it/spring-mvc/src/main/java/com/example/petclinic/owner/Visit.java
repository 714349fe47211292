package com.example.petclinic.owner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One visit of a pet to the clinic. */
@Entity
@Table(name = "visit")
public class Visit {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "visit_date", nullable = false)
    private LocalDate date;

    @Column(nullable = false)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pet_id", foreignKey = @ForeignKey(name = "fk_visit_pet"))
    private Pet pet;

    protected Visit() {
    }

    public Visit(LocalDate date, String description) {
        this.date = date;
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getDescription() {
        return description;
    }

    public Pet getPet() {
        return pet;
    }

    void setPet(Pet pet) {
        this.pet = pet;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Visit visit && id != null && id.equals(visit.getId());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
