package com.example.petclinic.owner;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The pet types, a lookup table: one form option each. */
public interface PetTypeRepository extends JpaRepository<PetType, Long> {

    /** 1 SELECT: every type, by name, as the forms list them. */
    List<PetType> findAllByOrderByName();
}
