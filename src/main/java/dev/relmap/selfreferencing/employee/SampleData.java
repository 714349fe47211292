package dev.relmap.selfreferencing.employee;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic organisation, filled level by level: employee 0 is the top ("Employee 1"),
 * employees 1 to 3 report to it ("Employee 1.1" … "1.3"), 4 to 6 to employee 1, and so on, each
 * manager with {@value #SPAN} reports. Employee {@code k} (from 0) has the e-mail
 * {@code employee-<path>@relmap.dev} and earns {@code 40,000.00 + 10.01 × k}: cents on purpose,
 * so that a total is exact only in {@code BigDecimal}.
 */
public final class SampleData {

    /** Direct reports per manager. */
    public static final int SPAN = 3;

    private static final String[] POSITIONS = {"Chief executive", "Director", "Manager"};
    private static final int FLUSH_EVERY = 500;

    private SampleData() {
    }

    /**
     * Persists {@code employees} employees in the caller's transaction, flushing every few hundred;
     * leaves the context clear.
     */
    public static void seed(EntityManager entityManager, int employees) {
        List<Employee> all = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int k = 0; k < employees; k++) {
            String path = k == 0 ? "1" : paths.get((k - 1) / SPAN) + "." + ((k - 1) % SPAN + 1);
            int depth = path.split("\\.").length - 1;
            Employee employee = new Employee("employee-" + path + "@relmap.dev", "Employee " + path,
                    depth < POSITIONS.length ? POSITIONS[depth] : "Engineer", salaryOf(k));
            if (k > 0) {
                all.get((k - 1) / SPAN).addSubordinate(employee);
            }
            entityManager.persist(employee);
            all.add(employee);
            paths.add(path);
            if ((k + 1) % FLUSH_EVERY == 0) {
                entityManager.flush();
            }
        }
        entityManager.flush();
        entityManager.clear();
    }

    /** The salary of the {@code k}-th employee (from 0). */
    public static BigDecimal salaryOf(int k) {
        return BigDecimal.valueOf(4_000_000L + 1_001L * k, 2);
    }

    /** The e-mail of the top of the organisation. */
    public static String topEmail() {
        return "employee-1@relmap.dev";
    }

    /** The e-mail of the {@code k}-th employee (from 0). */
    public static String emailOf(int k) {
        return "employee-" + pathOf(k) + "@relmap.dev";
    }

    /** The depth of the {@code k}-th employee (from 0): how many managers are above them. */
    public static int depthOf(int k) {
        return pathOf(k).split("\\.").length - 1;
    }

    private static String pathOf(int k) {
        return k == 0 ? "1" : pathOf((k - 1) / SPAN) + "." + ((k - 1) % SPAN + 1);
    }

    /** Deletes every employee: cuts every link to a manager first. */
    public static void clear(EntityManager entityManager) {
        entityManager.createQuery("update Employee e set e.manager = null").executeUpdate();
        entityManager.createQuery("delete from Employee").executeUpdate();
        entityManager.clear();
    }
}
