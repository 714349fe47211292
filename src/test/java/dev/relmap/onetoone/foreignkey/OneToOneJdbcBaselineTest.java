package dev.relmap.onetoone.foreignkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.OneToOnePattern;
import dev.relmap.onetoone.foreignkey.OneToOneJdbcBaseline.CardRow;
import dev.relmap.onetoone.foreignkey.OneToOneJdbcBaseline.ProfileRow;
import dev.relmap.onetoone.foreignkey.OneToOneJdbcBaseline.ProfileWithUser;
import dev.relmap.onetoone.foreignkey.OneToOneJdbcBaseline.UserRow;
import dev.relmap.testsupport.JdbcBaselineCheck;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The benchmarks' JDBC floor of the user/profile reads returns the rows the strategies return, at N = 10. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToOneJdbcBaselineTest {

    private static final int N = 10;

    private PatternFixture fixture;

    @BeforeAll
    void seed() {
        fixture = OneToOneFixture.open();
        fixture.seed(N);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyStrategyCountsTheRowsOfItsJdbcRead() throws SQLException {
        JdbcBaselineCheck.assertCountsMatch(new OneToOnePattern(), fixture.unit(), N);
    }

    @Test
    void usersWithProfilesAreTheUsersJoinFetchLoads() throws SQLException {
        assertThat(JdbcBaselineCheck.read(fixture.unit(), OneToOneJdbcBaseline::usersWithProfiles))
                .hasSize(N).isEqualTo(users(UserRepository::findAllWithProfiles));
    }

    @Test
    void usersWithoutProfileAreTheUsersTheRepositoryFinds() throws SQLException {
        assertThat(JdbcBaselineCheck.read(fixture.unit(), OneToOneJdbcBaseline::usersWithoutProfile))
                .hasSize(SampleData.withoutProfile(N)).isEqualTo(users(UserRepository::findWithoutProfile));
    }

    @Test
    void profilesWithUsersAreTheProfilesJoinFetchLoads() throws SQLException {
        List<ProfileWithUser> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new UserRepository(entityManager).findAllProfilesWithUsers().stream()
                        .map(profile -> new ProfileWithUser(profile(profile), profile.getUser().getId(),
                                profile.getUser().getName(), profile.getUser().getEmail()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), OneToOneJdbcBaseline::profilesWithUsers))
                .hasSize(SampleData.withProfile(N)).isEqualTo(viaHibernate);
    }

    @Test
    void cardsAreTheUserCardRecords() throws SQLException {
        List<CardRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new UserRepository(entityManager).findCards().stream()
                        .map(card -> new CardRow(card.id(), card.name(), card.email(), card.bio()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), OneToOneJdbcBaseline::cards))
                .hasSize(N).isEqualTo(viaHibernate);
    }

    private List<UserRow> users(Function<UserRepository, List<User>> query) {
        return fixture.unit().callInRolledBackTransaction(entityManager ->
                query.apply(new UserRepository(entityManager)).stream()
                        .map(user -> new UserRow(user.getId(), user.getName(), user.getEmail(), profile(user.getProfile())))
                        .toList());
    }

    private static ProfileRow profile(UserProfile profile) {
        return profile == null ? null : new ProfileRow(profile.getId(), profile.getBio(), profile.getAvatarUrl());
    }
}
