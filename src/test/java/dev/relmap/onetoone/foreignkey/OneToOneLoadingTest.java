package dev.relmap.onetoone.foreignkey;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThatAssociation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlCount.Recorded;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.testsupport.PatternFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading users whose profile holds a unique foreign key: the LAZY inverse side that is not lazy,
 * proven, and the reads that avoid it. The strategies themselves are checked by
 * {@code PatternContractTest}; this class pins what lies behind them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToOneLoadingTest {

    private PatternFixture fixture;
    private OneToOneFixture tables;

    @BeforeAll
    void open() {
        fixture = OneToOneFixture.open();
        tables = new OneToOneFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("The LAZY inverse side")
    class TheLazyInverseSide {

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("pitfall: listing N users reads every profile, 1 + N SELECTs, before anything is touched")
        void listingUsersReadsEveryProfile(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<User>> users = SqlCount.recordResult(() -> new UserRepository(entityManager).findAll());

                assertThat(users.value()).hasSize(n);
                assertThat(users.report()).hasSelectCount(1 + n).hasStatementCount(1 + n);
                assertThatAssociation(users.value().get(0), User_.profile).isLoaded();
            });
        }

        @Test
        @DisplayName("pitfall: a user without a profile costs its SELECT too, the one that finds nothing")
        void aUserWithoutAProfileCostsItsSelectToo() {
            fixture.seed(4);
            long fourth = tables.idOf("user-4@relmap.dev");
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<Optional<User>> user = SqlCount.recordResult(() -> new UserRepository(entityManager).findById(fourth));

                assertThat(user.value()).get().extracting(User::getProfile).isNull();
                assertThat(user.report()).hasSelectCount(2);
            });
        }

        @Test
        @DisplayName("pitfall: one user by id is 2 SELECTs, its row and its profile's")
        void oneUserByIdIsTwoSelects() {
            fixture.seed(10);
            long first = tables.idOf("user-1@relmap.dev");
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                SqlReport report = SqlCount.record(() -> new UserRepository(entityManager).findById(first));

                assertThat(report).hasSelectCount(2);
            });
        }

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("pitfall: 'where u.profile is null' reads the profile of each user it finds, 1 + ⌊N/4⌋")
        void anUnfetchedNullTestReadsEachProfileAgain(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<User>> users = SqlCount.recordResult(() -> entityManager.createQuery("""
                        select u
                        from User u
                        where u.profile is null""", User.class).getResultList());

                assertThat(users.value()).hasSize(SampleData.withoutProfile(n));
                assertThat(users.report()).hasSelectCount(1 + SampleData.withoutProfile(n));
            });
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("The cures")
    class TheCures {

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("JOIN FETCH lists N users with their profiles in 1 SELECT, users without one included")
        void joinFetchListsUsersWithProfilesInOneSelect(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<User>> users = SqlCount.recordResult(() ->
                        new UserRepository(entityManager).findAllWithProfiles());

                assertThat(users.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(users.value()).hasSize(n)
                        .filteredOn(user -> user.getProfile() != null).hasSize(SampleData.withProfile(n));
            });
        }

        @ParameterizedTest(name = "N = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @DisplayName("users without a profile, their null profile fetched, are 1 SELECT")
        void usersWithoutAProfileInOneSelect(int n) {
            fixture.seed(n);
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<List<User>> users = SqlCount.recordResult(() -> new UserRepository(entityManager).findWithoutProfile());

                assertThat(users.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(users.value()).hasSize(SampleData.withoutProfile(n))
                        .allSatisfy(user -> assertThat(user.getProfile()).isNull());
            });
        }

        @Test
        @DisplayName("one user with their profile is 1 SELECT")
        void oneUserWithProfileInOneSelect() {
            fixture.seed(10);
            long first = tables.idOf("user-1@relmap.dev");
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<Optional<User>> user = SqlCount.recordResult(() -> new UserRepository(entityManager).findWithProfile(first));

                assertThat(user.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(user.value()).get().extracting(u -> u.getProfile().getBio()).isEqualTo("Bio of user 1");
            });
        }

        @Test
        @DisplayName("a user's profile by the user's id is 1 SELECT on user_profile, with no join")
        void aProfileByUserIdIsOneSelectWithNoJoin() {
            fixture.seed(10);
            long first = tables.idOf("user-1@relmap.dev");
            fixture.unit().runInRolledBackTransaction(entityManager -> {

                Recorded<Optional<UserProfile>> profile = SqlCount.recordResult(() ->
                        new UserRepository(entityManager).findProfileByUserId(first));

                assertThat(profile.report()).hasSelectCount(1).hasStatementCount(1);
                assertThat(profile.report().statements().get(0).sql()).containsIgnoringCase("user_profile")
                        .doesNotContainIgnoringCase("join");
                assertThat(profile.value()).get().extracting(UserProfile::getBio).isEqualTo("Bio of user 1");
            });
        }
    }
}
