package dev.relmap.selfreferencing.employee;

import dev.relmap.catalog.EmployeesPattern;
import dev.relmap.pattern.CountFormula;
import dev.relmap.testsupport.JdbcBaseline;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The floor of {@link EmployeesPattern}'s reads: the SQL its strategies need, by hand, into plain
 * records, the top's e-mail bound as a parameter. The organisation under the top is a recursive
 * CTE descending from it, its rows (ordered by name) linked to their managers in one pass; reports,
 * headcounts and the payroll are the repository's CTEs in SQL.
 */
public final class EmployeesJdbcBaseline implements JdbcBaseline {

    record EmployeeRow(long id, String email, String name, String position, BigDecimal salary,
            List<EmployeeRow> subordinates) {
    }

    record ReportRow(String email, String name, String position, int level) {
    }

    record HeadcountRow(String email, String name, long directReports, long allReports) {
    }

    record PayrollRow(String managerEmail, long reports, BigDecimal totalSalary) {
    }

    @Override
    public String pattern() {
        return "employees";
    }

    @Override
    public List<JdbcRead> reads() {
        return List.of(
                new JdbcRead("the organisation under the top", Set.of("lazy (N+1)"), CountFormula.of("N", n -> n),
                        (connection, n) -> count(organisation(connection, SampleData.topEmail()))),
                new JdbcRead("reports", Set.of("reports (recursive CTE)"), CountFormula.of("N − 1", n -> n - 1),
                        (connection, n) -> reports(connection, SampleData.topEmail()).size()),
                new JdbcRead("headcounts", Set.of("headcounts (record)"), CountFormula.of("N", n -> n),
                        (connection, n) -> headcounts(connection).size()),
                new JdbcRead("payroll", Set.of("payroll (record)"), CountFormula.constant(1),
                        (connection, n) -> payroll(connection, SampleData.topEmail()) != null ? 1 : 0));
    }

    /** The employee with that e-mail and everyone under them, subordinates by name; {@code null} if none. */
    static EmployeeRow organisation(Connection connection, String email) throws SQLException {
        EmployeeRow top = null;
        Map<Long, EmployeeRow> byId = new HashMap<>();
        Map<Long, Long> managerOf = new HashMap<>();
        List<EmployeeRow> inOrder = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                with recursive team (id) as (
                    select id from employee where email = ?
                    union all
                    select e.id from team t join employee e on e.manager_id = t.id
                )
                select e.id, e.email, e.name, e.position, e.salary, e.manager_id
                from team t
                join employee e on e.id = t.id
                order by e.name""")) {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    EmployeeRow employee = new EmployeeRow(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getBigDecimal(5), new ArrayList<>());
                    managerOf.put(employee.id(), rows.getLong(6));
                    byId.put(employee.id(), employee);
                    inOrder.add(employee);
                }
            }
        }
        for (EmployeeRow employee : inOrder) {
            EmployeeRow manager = byId.get(managerOf.get(employee.id()));
            if (employee.email().equals(email)) {
                top = employee;
            } else {
                manager.subordinates().add(employee);
            }
        }
        return top;
    }

    private static int count(EmployeeRow employee) {
        int visited = employee.name().isEmpty() ? 0 : 1;
        for (EmployeeRow subordinate : employee.subordinates()) {
            visited += count(subordinate);
        }
        return visited;
    }

    static List<ReportRow> reports(Connection connection, String managerEmail) throws SQLException {
        List<ReportRow> reports = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                with recursive team (id, depth) as (
                    select e.id, 1 from employee e join employee m on m.id = e.manager_id where m.email = ?
                    union all
                    select e.id, t.depth + 1 from team t join employee e on e.manager_id = t.id
                )
                select e.email, e.name, e.position, t.depth
                from team t
                join employee e on e.id = t.id
                order by t.depth, e.name""")) {
            statement.setString(1, managerEmail);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reports.add(new ReportRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
                }
            }
        }
        return reports;
    }

    static List<HeadcountRow> headcounts(Connection connection) throws SQLException {
        List<HeadcountRow> headcounts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                with recursive under (manager_id, id) as (
                    select id, id from employee
                    union all
                    select u.manager_id, e.id from under u join employee e on e.manager_id = u.id
                )
                select m.email, m.name,
                       (select count(d.id) from employee d where d.manager_id = m.id),
                       count(u.id) - 1
                from under u
                join employee m on m.id = u.manager_id
                group by m.id, m.email, m.name
                order by m.name""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                headcounts.add(new HeadcountRow(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return headcounts;
    }

    /** How many work under the manager and their total salary; {@code null} if no one has that e-mail. */
    static PayrollRow payroll(Connection connection, String managerEmail) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                with recursive team (id, depth) as (
                    select id, 0 from employee where email = ?
                    union all
                    select e.id, t.depth + 1 from team t join employee e on e.manager_id = t.id
                )
                select count(t.id), sum(case when t.depth > 0 then e.salary end)
                from team t
                join employee e on e.id = t.id""")) {
            statement.setString(1, managerEmail);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long team = rows.getLong(1);
                BigDecimal total = rows.getBigDecimal(2);
                return team == 0 ? null
                        : new PayrollRow(managerEmail, team - 1, total == null ? BigDecimal.ZERO.setScale(2) : total);
            }
        }
    }
}
