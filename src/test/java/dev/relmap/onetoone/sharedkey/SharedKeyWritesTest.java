package dev.relmap.onetoone.sharedkey;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import dev.relmap.testsupport.PatternFixture;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Writing users and profiles that share a primary key, counted, and what the keys refuse. Sequence
 * calls depend on how much of the pooled block earlier writes used, so they are not counted here;
 * the profile has no sequence at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedKeyWritesTest {

    private static final long UNKNOWN_ID = 999_999;

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

    @BeforeEach
    void startWithFourUsers() {
        fixture.clear();
        fixture.seed(4);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("One-to-one by a shared key: creating")
    class Creating {

        @Test
        @DisplayName("creates a user with a profile in 2 INSERTs, one batch per table, the profile's id the user's")
        void createsAUserWithAProfileInTwoInserts() {
            SqlCount.Recorded<UserWithProfile> created = fixture.factory().callInTransaction(entityManager ->
                    SqlCount.recordResult(() -> new UserRepository(entityManager)
                            .create(SampleData.user(5), SampleData.bio(5), SampleData.avatarUrl(5))));

            assertThat(created.report()).hasInsertCount(2).hasBatchCount(StatementKind.INSERT, 2)
                    .hasSelectCount(0).hasUpdateCount(0);
            assertThat(created.value().profile().getId()).isEqualTo(created.value().user().getId());
            assertThat(tables.rowCounts()).containsEntry("app_user", 5L).containsEntry("user_profile", 4L);
        }

        @Test
        @DisplayName("gives an existing user a profile in 1 SELECT by primary key and 1 INSERT, without reading the user")
        void addsAProfileInOneSelectAndOneInsert() {
            long fourth = tables.idOf("user-4@relmap.dev");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new UserRepository(entityManager).addProfile(fourth, SampleData.bio(4), null)));

            assertThat(report).hasSelectCount(1).hasInsertCount(1).hasUpdateCount(0).hasStatementCount(2);
            assertThat(report.statements().get(0).sql()).containsIgnoringCase("from user_profile");
            assertThat(tables.rowCounts()).containsEntry("user_profile", 4L);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DatabaseRefusalExpected
    @DisplayName("One-to-one by a shared key: refusing")
    class Refusing {

        @Test
        @DisplayName("refuses a second profile for a user, naming the user, before sending anything, and changes nothing")
        void refusesASecondProfile() {
            long first = tables.idOf("user-1@relmap.dev");
            Map<String, Long> before = tables.rowCounts();

            fixture.factory().runInTransaction(entityManager -> {
                SqlReport report = SqlCount.record(() -> assertThatThrownBy(() ->
                        new UserRepository(entityManager).addProfile(first, "Again", null))
                        .isInstanceOf(DuplicateProfileException.class)
                        .hasMessage("User " + first + " already has a profile")
                        .extracting(e -> ((DuplicateProfileException) e).userId()).isEqualTo(first));

                assertThat(report).hasSelectCount(1).hasInsertCount(0);
            });

            assertThat(tables.rowCounts()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses a profile for an unknown user by the foreign key, naming the id, and changes nothing")
        void refusesAProfileForAnUnknownUser() {
            Map<String, Long> before = tables.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new UserRepository(entityManager).addProfile(UNKNOWN_ID, "Nobody's", null)))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No User with id " + UNKNOWN_ID);

            assertThat(tables.rowCounts()).isEqualTo(before);
        }

        @Test
        @DisplayName("the foreign key refuses deleting a user whose profile stays, and nothing changes")
        void theForeignKeyRefusesDeletingAUserWithoutTheProfile() {
            long first = tables.idOf("user-1@relmap.dev");
            Map<String, Long> before = tables.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    entityManager.createQuery("delete from User u where u.id = :id")
                            .setParameter("id", first)
                            .executeUpdate()))
                    .satisfies(e -> assertThat(violation(e)).satisfies(v -> {
                        assertThat(v.getKind()).isEqualTo(ConstraintKind.FOREIGN_KEY);
                        assertThat(Constraints.nameOf(v)).isEqualToIgnoringCase(UserProfile.FK_USER);
                    }));

            assertThat(tables.rowCounts()).isEqualTo(before);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("One-to-one by a shared key: deleting")
    class Deleting {

        @Test
        @DisplayName("deletes a user and their profile in 2 DELETEs and no SELECT, both by the same id")
        void deletesAUserAndTheirProfile() {
            long first = tables.idOf("user-1@relmap.dev");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new UserRepository(entityManager).delete(first)));

            assertThat(report).hasDeleteCount(2).hasSelectCount(0).hasStatementCount(2);
            assertThat(tables.rowCounts()).containsEntry("app_user", 3L).containsEntry("user_profile", 2L);
        }

        @Test
        @DisplayName("refuses an unknown user, naming the id, and deletes nothing")
        void refusesAnUnknownUser() {
            Map<String, Long> before = tables.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new UserRepository(entityManager).delete(UNKNOWN_ID)))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No User with id " + UNKNOWN_ID);

            assertThat(tables.rowCounts()).isEqualTo(before);
        }
    }

    private static ConstraintViolationException violation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation;
            }
        }
        throw new AssertionError("no ConstraintViolationException behind " + failure, failure);
    }
}
