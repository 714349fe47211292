package dev.relmap.onetoone.foreignkey;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.relmap.DatabaseRefusalExpected;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.sqlcount.ExecutedStatement;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import dev.relmap.testsupport.PatternFixture;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 * Writing users and profiles by a unique foreign key, counted, and what the constraints refuse.
 * Sequence calls depend on how much of each pooled block earlier writes used, so they are not
 * counted here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneToOneWritesTest {

    private static final long UNKNOWN_ID = 999_999;

    /** The name each database reports for the unique key Hibernate puts, unnamed by relmap, on user_profile.user_id. */
    private static final String UNNAMED_UNIQUE_KEY_ON_USER_ID = switch (DatabaseSettings.current().database()) {
        case H2 -> "constraint_\\w+";
        case POSTGRESQL -> "user_profile_user_id_key";
        case MARIADB -> "uk\\w+"; // Hibernate's own hashed name, UKebc21hy5j7scdvcjt0jy6xxrv, in lower case
    };

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

    @BeforeEach
    void startWithFourUsers() {
        fixture.clear();
        fixture.seed(4);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("One-to-one by a unique foreign key: creating")
    class Creating {

        @Test
        @DisplayName("creates a user with a profile in 2 INSERTs, one batch per table, no SELECT or UPDATE")
        void createsAUserWithAProfileInTwoInserts() {
            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new UserRepository(entityManager).create(SampleData.user(5, true))));

            assertThat(report).hasInsertCount(2).hasBatchCount(StatementKind.INSERT, 2)
                    .hasSelectCount(0).hasUpdateCount(0);
            assertThat(tables.rowCounts()).containsEntry("app_user", 5L).containsEntry("user_profile", 4L);
        }

        @Test
        @DisplayName("gives an existing user a profile in 1 INSERT, without reading the user")
        void addsAProfileInOneInsert() {
            long fourth = tables.idOf("user-4@relmap.dev");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new UserRepository(entityManager).addProfile(fourth, SampleData.profile(4))));

            assertThat(report).hasInsertCount(1).hasSelectCount(0).hasUpdateCount(0);
            assertThat(tables.rowCounts()).containsEntry("user_profile", 4L);
        }

        @Test
        @DisplayName("replaces a profile in 1 DELETE and 1 INSERT, orphan removal deleting the old one first")
        void replacesAProfileDeletingTheOldOneFirst() {
            long first = tables.idOf("user-1@relmap.dev");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> {
                User user = new UserRepository(entityManager).findWithProfile(first).orElseThrow();
                user.setProfile(new UserProfile("A new bio", null));
                return SqlCount.record(entityManager::flush);
            });

            assertThat(report).hasDeleteCount(1).hasInsertCount(1).hasUpdateCount(0).hasSelectCount(0);
            assertThat(report.statements()).filteredOn(s -> s.kind() != StatementKind.SEQUENCE)
                    .extracting(ExecutedStatement::kind).containsExactly(StatementKind.DELETE, StatementKind.INSERT);
            assertThat(tables.rowCounts()).containsEntry("user_profile", 3L);
        }

        @Test
        @DisplayName("keeps a profile in a Set found after persist and after merge")
        void keepsAProfileInASetAcrossPersistAndMerge() {
            UserProfile profile = SampleData.profile(5);
            Set<UserProfile> profiles = new HashSet<>(Set.of(profile));

            fixture.factory().runInTransaction(entityManager -> {
                User user = new User("User 5", "user-5@relmap.dev");
                user.setProfile(profile);
                entityManager.persist(user);
            });
            UserProfile merged = fixture.factory().callInTransaction(entityManager -> entityManager.merge(profile));

            assertThat(profiles).contains(profile).contains(merged);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DatabaseRefusalExpected
    @DisplayName("One-to-one by a unique foreign key: refusing")
    class Refusing {

        @Test
        @DisplayName("refuses a second profile for a user, naming the user, by the unique constraint, and changes nothing")
        void refusesASecondProfile() {
            long first = tables.idOf("user-1@relmap.dev");
            Map<String, Long> before = tables.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new UserRepository(entityManager).addProfile(first, SampleData.profile(1))))
                    .isInstanceOf(DuplicateProfileException.class)
                    .hasMessage("User " + first + " already has a profile")
                    .asInstanceOf(type(DuplicateProfileException.class))
                    .satisfies(e -> {
                        assertThat(e.userId()).isEqualTo(first);
                        assertThat(violation(e).getKind()).isEqualTo(ConstraintKind.UNIQUE);
                        assertThat(e.constraintName()).matches(UNNAMED_UNIQUE_KEY_ON_USER_ID);
                    });

            assertThat(tables.rowCounts()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses a profile for an unknown user by the foreign key, naming the id, and changes nothing")
        void refusesAProfileForAnUnknownUser() {
            Map<String, Long> before = tables.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new UserRepository(entityManager).addProfile(UNKNOWN_ID, SampleData.profile(9))))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No User with id " + UNKNOWN_ID);

            assertThat(tables.rowCounts()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses a taken e-mail, naming it, and changes nothing")
        void refusesATakenEmail() {
            Map<String, Long> before = tables.rowCounts();

            assertThatThrownBy(() -> fixture.factory().runInTransaction(entityManager ->
                    new UserRepository(entityManager).create(SampleData.user(1, true))))
                    .isInstanceOf(DuplicateEmailException.class)
                    .hasMessage("A user with e-mail 'user-1@relmap.dev' already exists")
                    .extracting(e -> ((DuplicateEmailException) e).constraintName()).isEqualTo(User.UK_EMAIL);

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
                        assertThat(v.getConstraintName()).isEqualToIgnoringCase(UserProfile.FK_USER);
                    }));

            assertThat(tables.rowCounts()).isEqualTo(before);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("One-to-one by a unique foreign key: deleting")
    class Deleting {

        @Test
        @DisplayName("deletes a user and their profile in 1 SELECT and 2 DELETEs, the profile first")
        void deletesAUserAndTheirProfile() {
            long first = tables.idOf("user-1@relmap.dev");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new UserRepository(entityManager).delete(first)));

            assertThat(report).hasSelectCount(1).hasDeleteCount(2).hasStatementCount(3);
            assertThat(report.statements().get(1).sql()).containsIgnoringCase("user_profile");
            assertThat(tables.rowCounts()).containsEntry("app_user", 3L).containsEntry("user_profile", 2L);
        }

        @Test
        @DisplayName("deletes a user without a profile in 1 SELECT and 1 DELETE")
        void deletesAUserWithoutAProfile() {
            long fourth = tables.idOf("user-4@relmap.dev");

            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new UserRepository(entityManager).delete(fourth)));

            assertThat(report).hasSelectCount(1).hasDeleteCount(1).hasStatementCount(2);
            assertThat(tables.rowCounts()).containsEntry("app_user", 3L).containsEntry("user_profile", 3L);
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

    static ConstraintViolationException violation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation;
            }
        }
        throw new AssertionError("no ConstraintViolationException behind " + failure, failure);
    }
}
