package dev.relmap.selfreferencing.employee;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Reads and changes the organisation, employees named by their e-mail (the business key); each method
 * says the statements it costs. The caller owns the transaction; writes flush before returning.
 */
public class EmployeeRepository {

    /**
     * The manager with {@code :email} (level 0) and everyone under them, at any depth (level 1 for
     * a direct report): a recursive CTE, walked by the database in the one statement it opens.
     */
    // tag::team[]
    private static final String TEAM = """
            with team as (
                select e.id as id, 0 as level
                from Employee e
                where e.email = :email
                union all
                select e.id as id, t.level + 1 as level
                from team t
                join Employee e on e.manager.id = t.id
            )
            """;

    /** Everyone under the manager, with their level; the manager comes first, at level 0. */
    private static final String REPORTS = TEAM + """
            select new dev.relmap.selfreferencing.employee.Report(e.email, e.name, e.position, t.level)
            from team t
            join Employee e on e.id = t.id
            order by t.level, e.name""";

    /** How many are in the team, the manager included, and what those under the manager earn. */
    private static final String PAYROLL = TEAM + """
            select count(t.id), sum(case when t.level > 0 then e.salary end)
            from team t
            join Employee e on e.id = t.id""";
    // end::team[]

    private final EntityManager entityManager;

    public EmployeeRepository(EntityManager entityManager) {
        this.entityManager = Require.notNull(entityManager, "entityManager");
    }

    /**
     * One employee by e-mail, subordinates not loaded: 1 SELECT. Walking the subordinates from there
     * costs 1 SELECT per employee visited, the ones without reports included.
     *
     * @throws IllegalArgumentException if {@code email} is null or blank; no statement is sent
     * @throws UnknownIdException if no employee has that e-mail
     */
    public Employee find(String email) {
        Require.notBlank(email, "email");
        return entityManager.createQuery("select e from Employee e where e.email = :email", Employee.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new UnknownIdException(Employee.class, email));
    }

    /**
     * The management chain from an employee up to the top, the employee first: 1 SELECT, a
     * recursive CTE that climbs manager by manager.
     *
     * @throws IllegalArgumentException if {@code email} is null or blank; no statement is sent
     * @throws UnknownIdException if no employee has that e-mail
     */
    public List<ChainLink> managementChain(String email) {
        Require.notBlank(email, "email");
        List<ChainLink> chain = entityManager.createQuery("""
                with chain as (
                    select e.id as id, e.manager.id as managerId, 0 as distance
                    from Employee e
                    where e.email = :email
                    union all
                    select m.id as id, m.manager.id as managerId, c.distance + 1 as distance
                    from chain c
                    join Employee m on m.id = c.managerId
                )
                select new dev.relmap.selfreferencing.employee.ChainLink(e.email, e.name, e.position)
                from chain c
                join Employee e on e.id = c.id
                order by c.distance""", ChainLink.class)
                .setParameter("email", email)
                .getResultList();
        if (chain.isEmpty()) {
            throw new UnknownIdException(Employee.class, email);
        }
        return chain;
    }

    /**
     * Everyone under a manager, direct and indirect, by level then name: 1 SELECT, a recursive CTE
     * that descends report by report. It starts at the manager (level 0, dropped from the answer),
     * so the same statement tells an employee without reports (empty) from an e-mail nobody has.
     *
     * @throws IllegalArgumentException if {@code managerEmail} is null or blank; no statement is sent
     * @throws UnknownIdException if no employee has that e-mail
     */
    // tag::reports[]
    public List<Report> reports(String managerEmail) {
        Require.notBlank(managerEmail, "managerEmail");
        List<Report> team = entityManager.createQuery(REPORTS, Report.class)
                .setParameter("email", managerEmail)
                .getResultList();
        // end::reports[]
        if (team.isEmpty()) {
            throw new UnknownIdException(Employee.class, managerEmail);
        }
        return List.copyOf(team.subList(1, team.size()));
    }

    /**
     * Every employee with their number of direct reports and of everyone under them, zeros
     * included, by name: 1 SELECT. The CTE pairs each employee with every employee under them;
     * each employee is paired with themself too, so nobody is lost and the count subtracts one.
     */
    public List<Headcount> headcounts() {
        return entityManager.createQuery("""
                with under as (
                    select e.id as managerId, e.id as id
                    from Employee e
                    union all
                    select u.managerId as managerId, e.id as id
                    from under u
                    join Employee e on e.manager.id = u.id
                )
                select new dev.relmap.selfreferencing.employee.Headcount(m.email, m.name,
                        (select count(d.id) from Employee d where d.manager.id = m.id), count(u.id) - 1)
                from under u
                join Employee m on m.id = u.managerId
                group by m.id, m.email, m.name
                order by m.name""", Headcount.class)
                .getResultList();
    }

    /**
     * How many work under a manager, directly or not, and their total salary: 1 SELECT, summed by
     * the database in DECIMAL and read as an exact {@code BigDecimal} (zero with no reports).
     *
     * @throws IllegalArgumentException if {@code managerEmail} is null or blank; no statement is sent
     * @throws UnknownIdException if no employee has that e-mail
     */
    // tag::payroll[]
    public Payroll payrollUnder(String managerEmail) {
        Require.notBlank(managerEmail, "managerEmail");
        Object[] totals = entityManager.createQuery(PAYROLL, Object[].class)
                .setParameter("email", managerEmail)
                .getSingleResult();
        // end::payroll[]
        long team = (Long) totals[0];
        if (team == 0) {
            throw new UnknownIdException(Employee.class, managerEmail);
        }
        BigDecimal total = totals[1] == null ? BigDecimal.ZERO.setScale(2) : (BigDecimal) totals[1];
        return new Payroll(managerEmail, team - 1, total);
    }

    /**
     * Makes an employee report to another, refusing cycles, with the check and lock of a category
     * move: 1 SELECT (the employee and the new manager's chain up to the top, by a recursive CTE),
     * 1 version UPDATE per employee checked, taken in id order ({@code PESSIMISTIC_FORCE_INCREMENT},
     * so that a concurrent assignment that would close a cycle with this one finds a stale
     * version), and 1 UPDATE of the manager.
     *
     * @throws IllegalArgumentException if {@code email} or {@code managerEmail} is null or blank; no
     *     statement is sent
     * @throws UnknownIdException naming the e-mail that does not exist
     * @throws ManagementCycleException if the employee would manage themself, directly or not
     * @throws ConcurrentAssignmentException if another transaction changed a checked employee meanwhile
     */
    public void assignManager(String email, String managerEmail) {
        Require.notBlank(email, "email");
        Require.notBlank(managerEmail, "managerEmail");
        Map<String, Employee> checked = entityManager.createQuery("""
                with chain as (
                    select e.id as id, e.manager.id as managerId, case when e.email = :managerEmail then 1 else 0 end as climb
                    from Employee e
                    where e.email in (:email, :managerEmail)
                    union all
                    select m.id as id, m.manager.id as managerId, 1 as climb
                    from chain c
                    join Employee m on m.id = c.managerId
                    where c.climb = 1
                )
                select e
                from chain c
                join Employee e on e.id = c.id""", Employee.class)
                .setParameter("email", email)
                .setParameter("managerEmail", managerEmail)
                .getResultStream()
                .collect(Collectors.toMap(Employee::getEmail, Function.identity(), (same, again) -> same));
        Employee employee = known(checked, email);
        Employee manager = known(checked, managerEmail);
        if (chainOf(manager, checked.values()).contains(employee)) {
            throw new ManagementCycleException(employee, manager);
        }
        try {
            checked.values().stream()
                    .sorted(Comparator.comparing(Employee::getId))
                    .forEach(e -> entityManager.lock(e, LockModeType.PESSIMISTIC_FORCE_INCREMENT));
            manager.addSubordinate(employee);
            entityManager.flush();
        } catch (PersistenceException e) {
            if (lostToAnotherTransaction(e)) {
                throw new ConcurrentAssignmentException(employee, manager, e);
            }
            throw e;
        }
    }

    /** {@code from} and their managers up to the top, from the employees loaded by the check. */
    private static List<Employee> chainOf(Employee from, Iterable<Employee> loaded) {
        Map<Long, Employee> byId = new java.util.HashMap<>();
        loaded.forEach(e -> byId.put(e.getId(), e));
        List<Employee> chain = new ArrayList<>();
        for (Employee step = from; step != null; step = step.getManager() == null ? null : byId.get(step.getManager().getId())) {
            chain.add(step);
        }
        return chain;
    }

    private static Employee known(Map<String, Employee> employees, String email) {
        Employee employee = employees.get(email);
        if (employee == null) {
            throw new UnknownIdException(Employee.class, email);
        }
        return employee;
    }

    private static boolean lostToAnotherTransaction(PersistenceException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException || cause instanceof StaleStateException
                    || cause instanceof LockAcquisitionException
                    || cause instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
