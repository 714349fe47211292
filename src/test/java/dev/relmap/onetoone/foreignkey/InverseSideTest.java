package dev.relmap.onetoone.foreignkey;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.pattern.CountFormula;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlCount.Recorded;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What listing N users costs when {@code User.profile} is the LAZY {@code mappedBy} side, for each
 * way of mapping it, every user having a profile. Nothing touches a profile in the measured step:
 * whatever it costs beyond 1 is spent by Hibernate deciding what to put in the field. The shipped
 * foreign-key mapping is pinned by {@code OneToOneLoadingTest}, the shipped shared-key one (no
 * inverse side) by {@code SharedKeyReadsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Listing N users with a LAZY mappedBy profile")
class InverseSideTest {

    /** A mapping under test: its unit and what listing N of its users costs in data SELECTs. */
    record Mapping(String name, String userEntity, List<Class<?>> classes, Seeder seeder, CountFormula selects) {

        @Override
        public String toString() {
            return name;
        }
    }

    interface Seeder {
        void persist(EntityManager entityManager, long id, boolean withProfile);
    }

    static final Mapping FOREIGN_KEY_REQUIRED = new Mapping("unique foreign key, optional = false",
            ForeignKeyRequired.USER, List.of(ForeignKeyRequired.User.class, ForeignKeyRequired.Profile.class),
            ForeignKeyRequired::persist, CountFormula.of("1 + N", n -> 1 + n));
    static final Mapping SHARED_KEY_OPTIONAL = new Mapping("shared primary key (@MapsId), optional",
            SharedKeyOptional.USER, List.of(SharedKeyOptional.User.class, SharedKeyOptional.Profile.class),
            SharedKeyOptional::persist, CountFormula.of("1 + N", n -> 1 + n));
    static final Mapping SHARED_KEY_REQUIRED = new Mapping("shared primary key (@MapsId), optional = false",
            SharedKeyRequired.USER, List.of(SharedKeyRequired.User.class, SharedKeyRequired.Profile.class),
            SharedKeyRequired::persist, CountFormula.constant(1));
    static final Mapping FOREIGN_KEY_ENHANCED = new Mapping("unique foreign key, optional, bytecode-enhanced",
            ForeignKeyEnhanced.USER, List.of(ForeignKeyEnhanced.User.class, ForeignKeyEnhanced.Profile.class),
            ForeignKeyEnhanced::persist, CountFormula.constant(1));

    private RelmapUnit unit;
    private Mapping opened;
    private long seeded;

    @AfterAll
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    static Stream<Arguments> mappingsAtEveryN() {
        return Stream.of(FOREIGN_KEY_REQUIRED, SHARED_KEY_OPTIONAL, SHARED_KEY_REQUIRED, FOREIGN_KEY_ENHANCED)
                .flatMap(mapping -> Stream.of(1, 10, 1000).map(n -> Arguments.of(mapping, n)));
    }

    @ParameterizedTest(name = "{0}, N = {1}")
    @MethodSource("mappingsAtEveryN")
    @DisplayName("costs the SELECTs its mapping dictates, before any profile is touched")
    void costsWhatItsMappingDictates(Mapping mapping, int n) {
        seed(mapping, n);

        Recorded<List<?>> users = unit.callInRolledBackTransaction(entityManager ->
                SqlCount.recordResult(() -> listUsers(entityManager, mapping)));

        assertThat(users.value()).hasSize(n);
        assertThat(users.report()).hasSelectCount(mapping.selects().at(n)).hasStatementCount(mapping.selects().at(n));
        if (mapping.selects().at(n) > 2) {
            assertThat(users.report()).hasNPlusOne();
        } else {
            assertThat(users.report()).hasNoNPlusOne();
        }
    }

    @Test
    @DisplayName("bytecode enhancement makes the profile lazy, not free: touching each one is one SELECT per user")
    void enhancementDefersTheSelectsToTheTouch() {
        seed(FOREIGN_KEY_ENHANCED, 10);
        unit.runInRolledBackTransaction(entityManager -> {
            List<ForeignKeyEnhanced.User> users = entityManager.createQuery(
                    "select u from ForeignKeyEnhancedUser u order by u.id", ForeignKeyEnhanced.User.class).getResultList();
            assertThat(users.get(0)).as("enhanced by the build").isInstanceOf(PersistentAttributeInterceptable.class);
            assertThat(entityManager.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(users.get(0), "profile"))
                    .isFalse();

            var touched = SqlCount.record(() -> users.forEach(user -> user.getProfile().getBio()));

            assertThat(touched).hasSelectCount(10).hasNPlusOne();
        });
    }

    @Test
    @DisplayName("pitfall: with @MapsId and optional = false, a user without a profile gets a proxy that fails when touched")
    void theRequiredSharedKeyProxyLiesForAUserWithoutAProfile() {
        seed(SHARED_KEY_REQUIRED, 10);
        unit.runInRolledBackTransaction(entityManager -> {
            SharedKeyRequired.persist(entityManager, 1_000_000, false);
            SqlCount.flushAndClear(entityManager);

            SharedKeyRequired.User user = entityManager.find(SharedKeyRequired.User.class, 1_000_000L);

            assertThat(user.getProfile()).as("a proxy, not null").isNotNull();
            assertThatThrownBy(() -> user.getProfile().getBio()).isInstanceOf(EntityNotFoundException.class);
        });
    }

    private static List<?> listUsers(EntityManager entityManager, Mapping mapping) {
        return entityManager.createQuery("select u from " + mapping.userEntity() + " u order by u.id").getResultList();
    }

    /** Opens the mapping's unit on first use, then grows its users (each with a profile) to N. */
    private void seed(Mapping mapping, int n) {
        if (mapping != opened) {
            close();
            unit = Relmap.unit("one-to-one-inverse", mapping.classes()).recreateSchemaAndOpen(DatabaseSettings.current());
            opened = mapping;
            seeded = 0;
        }
        if (seeded < n) {
            long from = seeded + 1;
            unit.entityManagerFactory().runInTransaction(entityManager -> {
                for (long id = from; id <= n; id++) {
                    mapping.seeder().persist(entityManager, id, true);
                }
            });
            seeded = n;
        }
    }
}
