package com.example.petclinic.vet;

import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The vets, as JSON. */
@RestController
public class VetController {

    /** A vet with its specialties' names. */
    public record VetView(String name, List<String> specialties) {
    }

    private final VetRepository vets;

    public VetController(VetRepository vets) {
        this.vets = vets;
    }

    /**
     * Every vet with its specialties: 1 SELECT for the vets, then 1 per 8 vets for their specialties
     * (batch fetch). The transaction keeps the collections loadable, since open-in-view is off.
     */
    @GetMapping("/vets")
    @Transactional(readOnly = true)
    public List<VetView> vets() {
        return vets.findAllByOrderByName().stream()
                .map(vet -> new VetView(vet.getName(), vet.getSpecialties().stream().map(Specialty::getName).toList()))
                .toList();
    }
}
