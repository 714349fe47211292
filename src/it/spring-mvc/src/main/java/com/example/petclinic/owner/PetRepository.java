package com.example.petclinic.owner;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The pets. */
public interface PetRepository extends JpaRepository<Pet, Long> {

    /** 1 SELECT count(…): how many pets the owner has. */
    long countByOwnerId(Long ownerId);

    /** 1 SELECT: the pet, if that owner owns it; its type stays a lazy reference. */
    Optional<Pet> findByIdAndOwnerId(Long id, Long ownerId);
}
