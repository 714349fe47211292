package dev.relmap.onetoone.sharedkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.SharedKeyPattern;
import dev.relmap.onetoone.sharedkey.SharedKeyJdbcBaseline.CardRow;
import dev.relmap.onetoone.sharedkey.SharedKeyJdbcBaseline.ProfileRow;
import dev.relmap.onetoone.sharedkey.SharedKeyJdbcBaseline.ProfileWithUser;
import dev.relmap.onetoone.sharedkey.SharedKeyJdbcBaseline.UserRow;
import dev.relmap.testsupport.JdbcBaselineCheck;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The benchmarks' JDBC floor of the shared-key reads returns the rows the strategies return, at N = 10. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedKeyJdbcBaselineTest {

    private static final int N = 10;

    private PatternFixture fixture;

    @BeforeAll
    void seed() {
        fixture = SharedKeyFixture.open();
        fixture.seed(N);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyStrategyCountsTheRowsOfItsJdbcRead() throws SQLException {
        JdbcBaselineCheck.assertCountsMatch(new SharedKeyPattern(), fixture.unit(), N);
    }

    @Test
    void usersWithProfilesAreTheRowsOfTheEntityJoin() throws SQLException {
        List<UserRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new UserRepository(entityManager).findAllWithProfiles().stream()
                        .map(row -> new UserRow(row.user().getId(), row.user().getName(), row.user().getEmail(),
                                profile(row.profile())))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), SharedKeyJdbcBaseline::usersWithProfiles))
                .hasSize(N).isEqualTo(viaHibernate);
    }

    @Test
    void profilesWithUsersAreTheProfilesJoinFetchLoads() throws SQLException {
        List<ProfileWithUser> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new UserRepository(entityManager).findAllProfilesWithUsers().stream()
                        .map(profile -> new ProfileWithUser(profile(profile), profile.getUser().getName(),
                                profile.getUser().getEmail()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), SharedKeyJdbcBaseline::profilesWithUsers))
                .hasSize(SampleData.withProfile(N)).isEqualTo(viaHibernate);
    }

    @Test
    void usersWithoutProfileAreTheUsersTheRepositoryFinds() throws SQLException {
        List<UserRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new UserRepository(entityManager).findWithoutProfile().stream()
                        .map(user -> new UserRow(user.getId(), user.getName(), user.getEmail(), null))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), SharedKeyJdbcBaseline::usersWithoutProfile))
                .hasSize(SampleData.withoutProfile(N)).isEqualTo(viaHibernate);
    }

    @Test
    void cardsAreTheUserCardRecords() throws SQLException {
        List<CardRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new UserRepository(entityManager).findCards().stream()
                        .map(card -> new CardRow(card.id(), card.name(), card.email(), card.bio()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), SharedKeyJdbcBaseline::cards))
                .hasSize(N).isEqualTo(viaHibernate);
    }

    private static ProfileRow profile(UserProfile profile) {
        return profile == null ? null : new ProfileRow(profile.getId(), profile.getBio(), profile.getAvatarUrl());
    }
}
