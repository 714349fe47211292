package dev.relmap.catalog;

import dev.relmap.onetoone.sharedkey.*;
import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * User ↔ UserProfile by a shared primary key, declared once for the tour, the table on its docs
 * page and the tests. Each strategy reads N seeded users ({@link SampleData}: N − ⌊N/4⌋ with a profile)
 * and their bios, as a user list would, and returns how many users (or profiles, or records) it
 * read. A user has no profile field, so its N+1 is the one a page writes by hand: a lookup per user.
 */
public final class SharedKeyPattern implements MappingPattern {

    @Override
    public String name() {
        return "one-to-one-shared-key";
    }

    @Override
    public String title() {
        return "One-to-one by a shared primary key: User ↔ UserProfile";
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
        CountFormula users = CountFormula.of("N", n -> n);
        return List.of(
                new Strategy("lazy (N+1)", "Loads the users, then each user's profile by its id when the page shows it: one query per user.",
                        CountFormula.of("1 + N", n -> 1 + n), users, NPlusOne.FROM_TWO_ROOTS,
                        SharedKeyPattern::eachProfileById).by("UserRepository.findAll"),
                new Strategy("entity join", "One query left-joins users to profiles on the shared key; users without one get null.",
                        one, users, NPlusOne.NEVER,
                        entityManager -> touchProfiles(new UserRepository(entityManager).findAllWithProfiles())).by("UserRepository.findAllWithProfiles"),
                new Strategy("profiles JOIN FETCH user", "From the owning side: profiles joined to their users; users without one are left out.",
                        one, CountFormula.of("N − ⌊N/4⌋", SampleData::withProfile), NPlusOne.NEVER,
                        entityManager -> (int) new UserRepository(entityManager).findAllProfilesWithUsers().stream()
                                .map(profile -> profile.getUser().getName()).count()).by("UserRepository.findAllProfilesWithUsers"),
                new Strategy("users without profile", "Users for whom no profile has their id, by a not exists on the primary key.",
                        one, CountFormula.of("⌊N/4⌋", SampleData::withoutProfile), NPlusOne.NEVER,
                        entityManager -> new UserRepository(entityManager).findWithoutProfile().size()).by("UserRepository.findWithoutProfile"),
                new Strategy("cards (record)", "Users left-joined to their bio, read into records; nothing managed.",
                        one, users, NPlusOne.NEVER,
                        entityManager -> new UserRepository(entityManager).findCards().size()).by("UserRepository.findCards"));
    }

    private static int eachProfileById(EntityManager entityManager) {
        UserRepository repository = new UserRepository(entityManager);
        int read = 0;
        for (User user : repository.findAll()) {
            read += repository.findProfile(user.getId()).map(UserProfile::getBio).orElse("").length() >= 0 ? 1 : 0;
        }
        return read;
    }

    private static int touchProfiles(List<UserWithProfile> users) {
        int read = 0;
        for (UserWithProfile row : users) {
            read += row.profile() == null || row.profile().getBio() != null ? 1 : 0;
        }
        return read;
    }
}
