package com.example.petclinic.owner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the owner pages show, each call one read-only transaction (open-in-view is off). Two of its
 * methods carry an N+1 planted on purpose, each marked PLANTED: the tests of the package
 * {@code com.example.petclinic.planted} prove that the kit's guard fails them.
 */
@Service
@Transactional(readOnly = true)
public class OwnerService {

    /** An owner with its pets' names. */
    public record OwnerView(String name, String city, List<String> pets) {

        static OwnerView of(Owner owner) {
            return new OwnerView(owner.getName(), owner.getCity(), owner.getPets().stream().map(Pet::getName).toList());
        }
    }

    /** One visit, with its pet's name. */
    public record VisitView(String pet, LocalDate date, String description) {

        static VisitView of(Visit visit) {
            return new VisitView(visit.getPet().getName(), visit.getDate(), visit.getDescription());
        }
    }

    private final OwnerRepository owners;
    private final PetRepository pets;
    private final VisitRepository visits;

    public OwnerService(OwnerRepository owners, PetRepository pets, VisitRepository visits) {
        this.owners = owners;
        this.pets = pets;
        this.visits = visits;
    }

    /** The owners of a city with their pets: 1 SELECT, then 1 per 8 owners for the pets (batch fetch). */
    public List<OwnerView> ownersIn(String city) {
        return owners.findByCityOrderByName(city).stream().map(OwnerView::of).toList();
    }

    /** Every owner with its pets: 1 SELECT, then 1 per 8 owners for the pets (batch fetch). */
    public List<OwnerView> allOwners() {
        return owners.findAll(Sort.by("name")).stream().map(OwnerView::of).toList();
    }

    /** One owner's visits: 1 SELECT for the owner, 1 for all its pets' visits. */
    public List<VisitView> visitsOf(String ownerName) {
        Owner owner = owners.findByName(ownerName).orElseThrow();
        return visits.findAllOfOwner(owner.getId()).stream().map(VisitView::of).toList();
    }

    // tag::planted-n-plus-one[]
    /** How many pets each owner has. PLANTED N+1: one count query per owner, 1 + N SELECTs. */
    public Map<String, Long> petCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Owner owner : owners.findAll(Sort.by("name"))) {
            counts.put(owner.getName(), pets.countByOwnerId(owner.getId())); // PLANTED: N+1
        }
        return counts;
    }
    // end::planted-n-plus-one[]

    /** One owner's visits, pet by pet. PLANTED N+1: one visits query per pet, 2 + N SELECTs. */
    public List<VisitView> visitsPetByPet(String ownerName) {
        List<VisitView> result = new ArrayList<>();
        for (Pet pet : owners.findByName(ownerName).orElseThrow().getPets()) {
            visits.findByPetIdOrderByDate(pet.getId()).forEach(visit -> result.add(VisitView.of(visit))); // PLANTED: N+1
        }
        return result;
    }
}
