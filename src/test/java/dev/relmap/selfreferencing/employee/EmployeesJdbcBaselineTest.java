package dev.relmap.selfreferencing.employee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.catalog.EmployeesPattern;
import dev.relmap.selfreferencing.employee.EmployeesJdbcBaseline.EmployeeRow;
import dev.relmap.selfreferencing.employee.EmployeesJdbcBaseline.HeadcountRow;
import dev.relmap.selfreferencing.employee.EmployeesJdbcBaseline.PayrollRow;
import dev.relmap.selfreferencing.employee.EmployeesJdbcBaseline.ReportRow;
import dev.relmap.testsupport.JdbcBaselineCheck;
import dev.relmap.testsupport.PatternFixture;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The benchmarks' JDBC floor of the organisation reads returns the rows the strategies return, at N = 10. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmployeesJdbcBaselineTest {

    private static final int N = 10;
    private static final String TOP = SampleData.topEmail();

    private PatternFixture fixture;

    @BeforeAll
    void seed() {
        fixture = PatternFixture.open(new EmployeesPattern(), SampleData::clear);
        fixture.seed(N);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void everyStrategyCountsTheRowsOfItsJdbcRead() throws SQLException {
        JdbcBaselineCheck.assertCountsMatch(new EmployeesPattern(), fixture.unit(), N);
    }

    @Test
    void theOrganisationIsTheTreeTheLazyWalkVisits() throws SQLException {
        EmployeeRow viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                row(new EmployeeRepository(entityManager).find(TOP)));

        EmployeeRow viaJdbc = JdbcBaselineCheck.read(fixture.unit(),
                connection -> EmployeesJdbcBaseline.organisation(connection, TOP));

        assertThat(viaJdbc).isEqualTo(viaHibernate);
    }

    @Test
    void reportsAreTheReportRecords() throws SQLException {
        List<ReportRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new EmployeeRepository(entityManager).reports(TOP).stream()
                        .map(report -> new ReportRow(report.email(), report.name(), report.position(), report.level()))
                        .toList());

        List<ReportRow> viaJdbc = JdbcBaselineCheck.read(fixture.unit(),
                connection -> EmployeesJdbcBaseline.reports(connection, TOP));

        assertThat(viaJdbc).hasSize(N - 1).isEqualTo(viaHibernate);
    }

    @Test
    void headcountsAreTheHeadcountRecords() throws SQLException {
        List<HeadcountRow> viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new EmployeeRepository(entityManager).headcounts().stream()
                        .map(count -> new HeadcountRow(count.email(), count.name(), count.directReports(), count.allReports()))
                        .toList());

        assertThat(JdbcBaselineCheck.read(fixture.unit(), EmployeesJdbcBaseline::headcounts))
                .hasSize(N).isEqualTo(viaHibernate);
    }

    @Test
    void thePayrollIsThePayrollRecord() throws SQLException {
        Payroll viaHibernate = fixture.unit().callInRolledBackTransaction(entityManager ->
                new EmployeeRepository(entityManager).payrollUnder(TOP));

        PayrollRow viaJdbc = JdbcBaselineCheck.read(fixture.unit(),
                connection -> EmployeesJdbcBaseline.payroll(connection, TOP));

        assertThat(viaJdbc).isEqualTo(new PayrollRow(viaHibernate.managerEmail(), viaHibernate.reports(), viaHibernate.totalSalary()));
    }

    private static EmployeeRow row(Employee employee) {
        return new EmployeeRow(employee.getId(), employee.getEmail(), employee.getName(), employee.getPosition(),
                employee.getSalary(), employee.getSubordinates().stream().map(EmployeesJdbcBaselineTest::row).toList());
    }
}
