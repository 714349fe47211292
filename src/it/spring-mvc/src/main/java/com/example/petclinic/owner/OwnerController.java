package com.example.petclinic.owner;

import com.example.petclinic.owner.OwnerService.OwnerView;
import com.example.petclinic.owner.OwnerService.VisitView;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owners, as JSON. */
@RestController
public class OwnerController {

    /** One page of owners, with the total a pager shows. */
    public record OwnerPage(List<OwnerView> owners, long total) {
    }

    private final OwnerService service;
    private final OwnerRepository owners;

    public OwnerController(OwnerService service, OwnerRepository owners) {
        this.service = service;
        this.owners = owners;
    }

    /** The owners of a city, or all of them, each with its pets' names. */
    @GetMapping("/owners")
    public List<OwnerView> owners(@RequestParam(required = false) String city) {
        return city == null ? service.allOwners() : service.ownersIn(city);
    }

    /** A page of a city's owners by name: the page, the count, and 1 SELECT per 8 owners for the pets. */
    @GetMapping("/owners/page")
    @Transactional(readOnly = true)
    public OwnerPage page(@RequestParam String city, @RequestParam int page, @RequestParam int size) {
        var found = owners.findByCity(city, PageRequest.of(page, size, Sort.by("name")));
        return new OwnerPage(found.map(OwnerView::of).getContent(), found.getTotalElements());
    }

    /** How many pets each owner has (through the planted N+1 of {@link OwnerService#petCounts()}). */
    @GetMapping("/owners/pet-counts")
    public Map<String, Long> petCounts() {
        return service.petCounts();
    }

    /** An owner's visits, in one query for all its pets. */
    @GetMapping("/owners/{name}/visits")
    public List<VisitView> visits(@PathVariable String name) {
        return service.visitsOf(name);
    }

    /** An owner's visits, pet by pet (through the planted N+1 of {@link OwnerService#visitsPetByPet}). */
    @GetMapping("/owners/{name}/visits/by-pet")
    public List<VisitView> visitsByPet(@PathVariable String name) {
        return service.visitsPetByPet(name);
    }
}
