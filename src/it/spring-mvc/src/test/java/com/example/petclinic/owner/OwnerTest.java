package com.example.petclinic.owner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The owner's pet helpers, with no Spring and no database: the guard is on here too, and sees nothing. */
class OwnerTest {

    @Test
    void addPetSetsBothEnds() {
        Owner owner = new Owner("Owner", "Madison");
        Pet pet = new Pet("Leo", new PetType("cat"));

        owner.addPet(pet);

        assertThat(owner.getPets()).containsExactly(pet);
        assertThat(pet.getOwner()).isSameAs(owner);
    }

    @Test
    void removePetClearsBothEnds() {
        Owner owner = new Owner("Owner", "Madison");
        Pet pet = new Pet("Leo", new PetType("cat"));
        owner.addPet(pet);

        owner.removePet(pet);

        assertThat(owner.getPets()).isEmpty();
        assertThat(pet.getOwner()).isNull();
    }
}
