package com.example.petclinic.vet;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The vets. */
public interface VetRepository extends JpaRepository<Vet, Long> {

    /** 1 SELECT; the specialties stay lazy, batch-fetched when touched. */
    List<Vet> findAllByOrderByName();

    /** 1 SELECT, joining vet_specialty and specialty to filter: the vets with that specialty. */
    List<Vet> findBySpecialtiesNameOrderByName(String specialty);
}
