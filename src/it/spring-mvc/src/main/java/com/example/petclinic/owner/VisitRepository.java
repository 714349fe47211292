package com.example.petclinic.owner;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The visits. */
public interface VisitRepository extends JpaRepository<Visit, Long> {

    /** 1 SELECT: one pet's visits, by date. */
    List<Visit> findByPetIdOrderByDate(Long petId);

    /** 1 SELECT: the visits of all of one owner's pets, each with its pet joined. */
    @Query("""
            select v
            from Visit v
            join fetch v.pet p
            where p.owner.id = :ownerId
            order by p.name, v.date""")
    List<Visit> findAllOfOwner(Long ownerId);
}
