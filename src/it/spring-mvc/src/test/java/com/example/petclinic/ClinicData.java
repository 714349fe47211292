package com.example.petclinic;

import com.example.petclinic.owner.Owner;
import com.example.petclinic.owner.OwnerRepository;
import com.example.petclinic.owner.Pet;
import com.example.petclinic.owner.PetType;
import com.example.petclinic.owner.PetTypeRepository;
import com.example.petclinic.owner.Visit;
import com.example.petclinic.vet.Specialty;
import com.example.petclinic.vet.SpecialtyRepository;
import com.example.petclinic.vet.Vet;
import com.example.petclinic.vet.VetRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The data every {@code @SpringBootTest} context starts with, seeded in code when the context
 * starts (before any test runs, so no test's guard sees it); the tests only read it. Owner
 * {@code i} (1 to 12, "Owner 01" …) lives in {@link #CITIES}{@code [i % 3]} and has
 * {@code i % 3 + 1} pets, each with 2 visits; vet {@code i} (1 to 5) has the first
 * {@code i % 3 + 1} of {@link #SPECIALTIES}.
 */
@Component
public class ClinicData implements ApplicationRunner {

    public static final List<String> TYPES = List.of("bird", "cat", "dog", "hamster", "lizard", "snake");
    public static final List<String> CITIES = List.of("Madison", "Monona", "Sun Prairie");
    public static final List<String> SPECIALTIES = List.of("dentistry", "radiology", "surgery");
    public static final int OWNERS = 12;
    public static final int VETS = 5;

    private final PetTypeRepository types;
    private final OwnerRepository owners;
    private final SpecialtyRepository specialties;
    private final VetRepository vets;

    ClinicData(PetTypeRepository types, OwnerRepository owners, SpecialtyRepository specialties, VetRepository vets) {
        this.types = types;
        this.owners = owners;
        this.specialties = specialties;
        this.vets = vets;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<PetType> petTypes = types.saveAll(TYPES.stream().map(PetType::new).toList());
        for (int i = 1; i <= OWNERS; i++) {
            Owner owner = new Owner(ownerName(i), CITIES.get(i % 3));
            for (int p = 1; p <= i % 3 + 1; p++) {
                Pet pet = new Pet(owner.getName() + "'s pet " + p, petTypes.get((i + p) % petTypes.size()));
                pet.addVisit(new Visit(LocalDate.of(2025, p, i), "check-up"));
                pet.addVisit(new Visit(LocalDate.of(2025, p + 6, i), "vaccination"));
                owner.addPet(pet);
            }
            owners.save(owner);
        }
        List<Specialty> all = specialties.saveAll(SPECIALTIES.stream().map(Specialty::new).toList());
        for (int i = 1; i <= VETS; i++) {
            Vet vet = new Vet("Vet " + i);
            all.subList(0, i % 3 + 1).forEach(vet::addSpecialty);
            vets.save(vet);
        }
    }

    public static String ownerName(int i) {
        return String.format("Owner %02d", i);
    }

    /** How many owners live in the city. */
    public static int ownersIn(String city) {
        int index = CITIES.indexOf(city);
        return (int) IntStream.rangeClosed(1, OWNERS).filter(i -> i % 3 == index).count();
    }
}
