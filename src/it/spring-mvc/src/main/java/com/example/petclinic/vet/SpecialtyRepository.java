package com.example.petclinic.vet;

import org.springframework.data.jpa.repository.JpaRepository;

/** The specialties, a lookup table. */
public interface SpecialtyRepository extends JpaRepository<Specialty, Long> {
}
