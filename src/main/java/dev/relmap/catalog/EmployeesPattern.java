package dev.relmap.catalog;

import dev.relmap.pattern.CountFormula;
import dev.relmap.pattern.MappingPattern;
import dev.relmap.pattern.Strategy;
import dev.relmap.pattern.Strategy.NPlusOne;
import dev.relmap.selfreferencing.employee.*;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;

/**
 * The organisation declared once for the tour, the table on its docs page and the tests: N employees
 * ({@link SampleData}, {@value SampleData#SPAN} reports per manager, filled level by level); each
 * strategy returns how many employees (or records) it read.
 */
public final class EmployeesPattern implements MappingPattern {

    @Override
    public String name() {
        return "employees";
    }

    @Override
    public String title() {
        return "Self-referencing: Employee ↔ manager";
    }

    @Override
    public String family() {
        return "Self-referencing";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Employee.class);
    }

    /**
     * Insert ordering off for this unit ({@code hibernate.order_inserts}, on in every other relmap
     * unit). Hibernate's sorter groups the flush's inserts by entity, placing each entity after the
     * entities it references; Employee references itself, so its group can never be placed, and every
     * flush that inserts more than one logs HHH90032022 "could not be sorted" at WARN and keeps the
     * persist order anyway. With one entity there is nothing to group: inserts go out in persist
     * order, parents first, and batch all the same, since every one is the same statement.
     */
    @Override
    public Map<String, Object> properties() {
        return Map.of(AvailableSettings.ORDER_INSERTS, false);
    }

    @Override
    public void seed(EntityManager entityManager, int n) {
        SampleData.seed(entityManager, n);
    }

    @Override
    public List<Strategy> strategies() {
        return List.of(
                new Strategy("lazy (N+1)",
                        "Loads the top, then walks down: one query per employee for their subordinates.",
                        CountFormula.of("1 + N", n -> 1 + n), CountFormula.of("N", n -> n), NPlusOne.FROM_TWO_ROOTS,
                        entityManager -> walk(new EmployeeRepository(entityManager).find(SampleData.topEmail()))).by("EmployeeRepository.find"),
                new Strategy("reports (recursive CTE)",
                        "Everyone under the top, direct and indirect, with their level, as records.",
                        CountFormula.constant(1), CountFormula.of("N − 1", n -> n - 1), NPlusOne.NEVER,
                        entityManager -> new EmployeeRepository(entityManager).reports(SampleData.topEmail()).size()).by("EmployeeRepository.reports"),
                new Strategy("headcounts (record)",
                        "Every employee with their direct and indirect reports, zeros included, as records.",
                        CountFormula.constant(1), CountFormula.of("N", n -> n), NPlusOne.NEVER,
                        entityManager -> new EmployeeRepository(entityManager).headcounts().size()).by("EmployeeRepository.headcounts"),
                new Strategy("payroll (record)",
                        "How many work under the top and their total salary, summed exactly by the database.",
                        CountFormula.constant(1), CountFormula.constant(1), NPlusOne.NEVER,
                        entityManager -> new EmployeeRepository(entityManager).payrollUnder(SampleData.topEmail()) != null ? 1 : 0).by("EmployeeRepository.payrollUnder"));
    }

    /** Visits the employee and everyone under them through {@code subordinates}; returns how many. */
    public static int walk(Employee employee) {
        int visited = employee.getName().isEmpty() ? 0 : 1;
        for (Employee subordinate : employee.getSubordinates()) {
            visited += walk(subordinate);
        }
        return visited;
    }
}
