package com.example.petclinic.owner;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

/** The owners, by Spring Data's derived and paged queries; their pets stay lazy. */
public interface OwnerRepository extends JpaRepository<Owner, Long> {

    /** 1 SELECT: the owners of a city, by name. */
    List<Owner> findByCityOrderByName(String city);

    /** 1 SELECT by the name. */
    Optional<Owner> findByName(String name);

    /** 2 SELECTs: the page, limited in SQL, and the count a {@code Page} carries. */
    Page<Owner> findByCity(String city, Pageable pageable);

    /** 1 SELECT: a slice knows whether another follows by reading one row more, and counts nothing. */
    Slice<Owner> findSliceByCity(String city, Pageable pageable);
}
