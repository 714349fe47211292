package dev.relmap.selfreferencing.employee;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.catalog.EmployeesPattern;
import dev.relmap.catalog.PatternUnits;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;

/** The employees unit as the tests use it, seeded with N employees ({@link SampleData}) only when N changes. */
final class EmployeesFixture implements AutoCloseable {

    private final RelmapUnit unit;
    private int seeded = -1;

    private EmployeesFixture(RelmapUnit unit) {
        this.unit = unit;
    }

    static EmployeesFixture open() {
        return new EmployeesFixture(PatternUnits.recreateSchemaAndOpen(new EmployeesPattern(), DatabaseSettings.current()));
    }

    RelmapUnit unit() {
        return unit;
    }

    EntityManagerFactory factory() {
        return unit.entityManagerFactory();
    }

    /** Makes the table hold exactly N seeded employees, reseeding only if needed. */
    void seed(int employees) {
        if (seeded != employees) {
            factory().runInTransaction(entityManager -> {
                SampleData.clear(entityManager);
                SampleData.seed(entityManager, employees);
            });
            seeded = employees;
        }
    }

    /** Forgets the seeded size after a test changed the data. */
    void changed() {
        seeded = -1;
    }

    /** Every employee as "e-mail < manager's e-mail", by e-mail: compared before and after a refused write. */
    List<String> edges() {
        return factory().callInTransaction(entityManager -> entityManager.createQuery("""
                select e.email || ' < ' || coalesce(m.email, '-')
                from Employee e
                left join e.manager m
                order by e.email""", String.class)
                .getResultList());
    }

    @Override
    public void close() {
        unit.close();
    }
}
