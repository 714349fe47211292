package dev.relmap.catalog;

import dev.relmap.onetoone.foreignkey.*;
import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;

/**
 * User ↔ UserProfile by a unique foreign key, declared once for the tour, the table on its docs page
 * and the tests. Each strategy reads N seeded users ({@link SampleData}: N − ⌊N/4⌋ with a profile) and
 * their bios, as a user list would, and returns how many users (or profiles, or records) it read.
 */
public final class OneToOnePattern implements MappingPattern {

    public static final CountFormula USERS = CountFormula.of("N", n -> n);
    public static final CountFormula WITH_PROFILE = CountFormula.of("N − ⌊N/4⌋", SampleData::withProfile);
    public static final CountFormula WITHOUT_PROFILE = CountFormula.of("⌊N/4⌋", SampleData::withoutProfile);

    @Override
    public String name() {
        return "one-to-one";
    }

    @Override
    public String title() {
        return "One-to-one by a unique foreign key: User ↔ UserProfile";
    }

    @Override
    public String family() {
        return "One-to-one";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(User.class, UserProfile.class);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        SampleData.seed(entityManager, n);
    }

    @Override
    public List<Strategy> strategies() {
        CountFormula one = CountFormula.constant(1);
        return List.of(
                users("lazy (N+1)", "Loads the users; the LAZY inverse side still reads each user's profile, one query per user.",
                        CountFormula.of("1 + N", n -> 1 + n), USERS, NPlusOne.FROM_TWO_ROOTS, UserRepository::findAll).by("UserRepository.findAll"),
                users("JOIN FETCH", "One query left-joins users to profiles; users without one get null.",
                        one, USERS, NPlusOne.NEVER, UserRepository::findAllWithProfiles).by("UserRepository.findAllWithProfiles"),
                users("entity graph", "The same join, asked for by a graph built from the static metamodel.",
                        one, USERS, NPlusOne.NEVER, UserRepository::findAllWithProfilesByGraph).by("UserRepository.findAllWithProfilesByGraph"),
                new Strategy("profiles JOIN FETCH user", "From the owning side: profiles joined to their users; users without one are left out.",
                        one, WITH_PROFILE, NPlusOne.NEVER,
                        entityManager -> touchUsers(new UserRepository(entityManager).findAllProfilesWithUsers())).by("UserRepository.findAllProfilesWithUsers"),
                users("users without profile", "Users whose left-joined profile is null, the profile fetched (as null) in the same query.",
                        one, WITHOUT_PROFILE, NPlusOne.NEVER, UserRepository::findWithoutProfile).by("UserRepository.findWithoutProfile"),
                new Strategy("cards (record)", "Users left-joined to their bio, read into records; nothing managed.",
                        one, USERS, NPlusOne.NEVER,
                        entityManager -> new UserRepository(entityManager).findCards().size()).by("UserRepository.findCards"));
    }

    private static Strategy users(String name, String description, CountFormula selects, CountFormula rows,
            NPlusOne nPlusOne, Function<UserRepository, List<User>> query) {
        return new Strategy(name, description, selects, rows, nPlusOne,
                entityManager -> touchProfiles(query.apply(new UserRepository(entityManager))));
    }

    /** Reads every user's bio, as a user list showing it would. */
    private static int touchProfiles(List<User> users) {
        int read = 0;
        for (User user : users) {
            UserProfile profile = user.getProfile();
            read += profile == null || profile.getBio() != null ? 1 : 0;
        }
        return read;
    }

    /** Reads every profile's user name. */
    private static int touchUsers(List<UserProfile> profiles) {
        return (int) profiles.stream().map(profile -> profile.getUser().getName()).count();
    }
}
