package dev.relmap.sqlcount;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.SQLRestriction;

/**
 * A keeper of animals, for the kit's verdict tests: its {@link #pets} are a non-leaf subclass of a
 * SINGLE_TABLE hierarchy (Hibernate adds {@code dtype in ('Cat','Dog')} to their SQL), its
 * {@link #favourites} carry a {@code @SQLRestriction} with a list of literals.
 */
@Entity
@Table(name = "kit_keeper")
public class Keeper {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @OneToMany(mappedBy = "keeper")
    private List<Pet> pets = new ArrayList<>();

    @OneToMany(mappedBy = "keeper")
    @SQLRestriction("name in ('Tom', 'Rex')")
    private List<Animal> favourites = new ArrayList<>();

    protected Keeper() {
    }

    public Keeper(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public List<Pet> getPets() {
        return pets;
    }

    public List<Animal> getFavourites() {
        return favourites;
    }
}
