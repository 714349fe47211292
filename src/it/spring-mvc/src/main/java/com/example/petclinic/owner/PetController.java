package com.example.petclinic.owner;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pet forms, server-rendered: each handler fills the model a template renders, one
 * {@code <option>} per pet type. The template itself is left out of this example (the tests read
 * the model). No transaction here: each repository call runs in its own, as in most thin
 * controllers. {@link #editForm} carries a duplicate read planted on purpose, marked PLANTED.
 */
@Controller
public class PetController {

    static final String VIEW = "pets/createOrUpdatePetForm";

    /** One {@code <option>} of the type select. */
    public record TypeOption(Long id, String name, boolean selected) {
    }

    private final OwnerRepository owners;
    private final PetRepository pets;
    private final PetTypeRepository types;

    public PetController(OwnerRepository owners, PetRepository pets, PetTypeRepository types) {
        this.owners = owners;
        this.pets = pets;
        this.types = types;
    }

    /** The form for a new pet: 2 SELECTs, the owner and every type. */
    @GetMapping("/owners/{ownerId}/pets/new")
    public String newForm(@PathVariable Long ownerId, Model model) {
        model.addAttribute("owner", owners.findById(ownerId).orElseThrow().getName());
        model.addAttribute("types", types.findAllByOrderByName().stream()
                .map(type -> new TypeOption(type.getId(), type.getName(), false))
                .toList());
        return VIEW;
    }

    /** The form to edit a pet, its type selected. PLANTED duplicate read: the pet's type read again for every option. */
    @GetMapping("/owners/{ownerId}/pets/{petId}/edit")
    public String editForm(@PathVariable Long ownerId, @PathVariable Long petId, Model model) {
        Pet pet = pets.findByIdAndOwnerId(petId, ownerId).orElseThrow();
        List<TypeOption> options = new ArrayList<>();
        for (PetType type : types.findAllByOrderByName()) {
            PetType current = types.findById(pet.getType().getId()).orElseThrow(); // PLANTED: duplicate read
            options.add(new TypeOption(type.getId(), type.getName(), type.equals(current)));
        }
        model.addAttribute("pet", pet.getName());
        model.addAttribute("types", options);
        return VIEW;
    }
}
