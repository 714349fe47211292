package dev.relmap.onetoone.sharedkey;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading users and profiles that share a primary key. The strategies themselves are checked by
 * {@code PatternContractTest}; this class pins what lies behind them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedKeyReadsTest {

    private PatternFixture fixture;
    private SharedKeyFixture tables;

    @BeforeAll
    void open() {
        fixture = SharedKeyFixture.open();
        tables = new SharedKeyFixture(fixture.factory());
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("lists N users in 1 SELECT: with no inverse side there is nothing to check per user")
    void listsUsersInOneSelect(int n) {
        fixture.seed(n);
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            Recorded<List<User>> users = SqlCount.recordResult(() -> new UserRepository(entityManager).findAll());

            assertThat(users.value()).hasSize(n);
            assertThat(users.report()).hasSelectCount(1).hasStatementCount(1);
        });
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("lists N users with their profile or null in 1 SELECT, by an entity join on the shared key")
    void listsUsersWithProfilesInOneSelect(int n) {
        fixture.seed(n);
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            Recorded<List<UserWithProfile>> users = SqlCount.recordResult(() ->
                    new UserRepository(entityManager).findAllWithProfiles());

            assertThat(users.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(users.value()).hasSize(n)
                    .filteredOn(row -> row.profile() != null).hasSize(SampleData.withProfile(n))
                    .allSatisfy(row -> assertThat(row.profile().getId()).isEqualTo(row.user().getId()));
        });
    }

    @Test
    @DisplayName("reads a user's profile by the user's id in 1 SELECT on user_profile's primary key, with no join")
    void readsAProfileByUserIdWithNoJoin() {
        fixture.seed(10);
        long first = tables.idOf("user-1@relmap.dev");
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            Recorded<Optional<UserProfile>> profile = SqlCount.recordResult(() ->
                    new UserRepository(entityManager).findProfile(first));

            assertThat(profile.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(profile.report().statements().get(0).sql()).containsIgnoringCase("from user_profile")
                    .doesNotContainIgnoringCase("join");
            assertThat(profile.value()).get().extracting(UserProfile::getBio).isEqualTo("Bio of user 1");
        });
    }

    @Test
    @DisplayName("reads it again in the same persistence context without any statement")
    void readsItAgainFromThePersistenceContext() {
        fixture.seed(10);
        long first = tables.idOf("user-1@relmap.dev");
        fixture.unit().runInRolledBackTransaction(entityManager -> {
            UserRepository repository = new UserRepository(entityManager);
            repository.findProfile(first);

            SqlReport again = SqlCount.record(() -> repository.findProfile(first));

            assertThat(again).hasNoStatements();
        });
    }

    @Test
    @DisplayName("answers a user without a profile with empty, in 1 SELECT")
    void answersAUserWithoutAProfileWithEmpty() {
        fixture.seed(10);
        long fourth = tables.idOf("user-4@relmap.dev");
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            Recorded<Optional<UserProfile>> profile = SqlCount.recordResult(() ->
                    new UserRepository(entityManager).findProfile(fourth));

            assertThat(profile.value()).isEmpty();
            assertThat(profile.report()).hasSelectCount(1);
        });
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("lists the users without a profile in 1 SELECT")
    void listsUsersWithoutAProfileInOneSelect(int n) {
        fixture.seed(n);
        fixture.unit().runInRolledBackTransaction(entityManager -> {

            Recorded<List<User>> users = SqlCount.recordResult(() -> new UserRepository(entityManager).findWithoutProfile());

            assertThat(users.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(users.value()).extracting(User::getEmail)
                    .allMatch(email -> Integer.parseInt(email.replaceAll("\\D", "")) % SampleData.NO_PROFILE_EVERY == 0)
                    .hasSize(SampleData.withoutProfile(n));
        });
    }
}
