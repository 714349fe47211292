package dev.relmap.selfreferencing.employee;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relmap.HibernateWarnings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.catalog.EmployeesPattern;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.StatementKind;
import dev.relmap.testsupport.PatternFixture;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The organisation's questions, each one statement at N = 1, 10 and 1000; changes of manager checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmployeeRepositoryTest {

    private PatternFixture fixture;

    @BeforeAll
    void open() {
        fixture = PatternFixture.open(new EmployeesPattern(), SampleData::clear);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Nested
    @ParameterizedClass(name = "with N = {0} employees")
    @ValueSource(ints = {1, 10, 1000})
    @DisplayName("Employees: reading")
    class Reading {

        @Parameter
        int n;

        @BeforeEach
        void organisationOfN() {
            fixture.seed(n);
        }

        @Test
        @DisplayName("the management chain from the last employee up to the top: 1 statement")
        void theManagementChainIsOneStatement() {
            var chain = read(repository -> repository.managementChain(SampleData.emailOf(n - 1)));

            assertThat(chain.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(chain.value()).hasSize(SampleData.depthOf(n - 1) + 1)
                    .first().extracting(ChainLink::email).isEqualTo(SampleData.emailOf(n - 1));
            assertThat(chain.value()).last().isEqualTo(new ChainLink(SampleData.topEmail(), "Employee 1", "Chief executive"));
        }

        @Test
        @DisplayName("everyone under the top, direct and indirect: 1 statement, by level")
        void allReportsAreOneStatement() {
            var reports = read(repository -> repository.reports(SampleData.topEmail()));

            assertThat(reports.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(reports.value()).hasSize(n - 1).extracting(Report::level)
                    .isSortedAccordingTo(Integer::compare)
                    .containsExactlyElementsOf(IntStream.range(1, n).map(SampleData::depthOf).boxed().toList());
        }

        @Test
        @DisplayName("the headcount of every employee, those without reports included: 1 statement")
        void headcountsAreOneStatement() {
            var headcounts = read(EmployeeRepository::headcounts);

            assertThat(headcounts.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(headcounts.value()).hasSize(n)
                    .contains(new Headcount(SampleData.topEmail(), "Employee 1", Math.min(n - 1, 3), n - 1));
            // Employee k has reports when its first one, k × 3 + 1, exists.
            long withoutReports = IntStream.range(0, n).filter(k -> k * SampleData.SPAN + 1 >= n).count();
            assertThat(headcounts.value()).filteredOn(h -> h.allReports() == 0 && h.directReports() == 0)
                    .hasSize((int) withoutReports);
        }

        @Test
        @DisplayName("the total salary under the top: 1 statement, an exact BigDecimal")
        void thePayrollIsOneStatementAndExact() {
            var payroll = read(repository -> repository.payrollUnder(SampleData.topEmail()));
            BigDecimal expected = IntStream.range(1, n).mapToObj(SampleData::salaryOf)
                    .reduce(new BigDecimal("0.00"), BigDecimal::add);

            assertThat(payroll.report()).hasSelectCount(1).hasStatementCount(1);
            assertThat(payroll.value().reports()).isEqualTo(n - 1);
            assertThat(payroll.value().totalSalary()).isEqualTo(expected);
        }

        @Test
        @DisplayName("walking the subordinates from the top costs 1 + N statements, flagged as N+1")
        void walkingTheSubordinatesIsNPlusOne() {
            var walked = read(repository -> EmployeesPattern.walk(repository.find(SampleData.topEmail())));

            assertThat(walked.value()).isEqualTo(n);
            assertThat(walked.report()).hasSelectCount(1 + n);
            assertThat(walked.report().hasNPlusOne()).isEqualTo(n > 1);
        }

        private <T> SqlCount.Recorded<T> read(java.util.function.Function<EmployeeRepository, T> query) {
            return fixture.unit().callInRolledBackTransaction(entityManager ->
                    SqlCount.recordResult(() -> query.apply(new EmployeeRepository(entityManager))));
        }
    }

    @Nested
    @DisplayName("Employees: changing managers")
    class ChangingManagers {

        private List<String> before;

        @BeforeEach
        void organisationOf40() {
            fixture.reseed(40);
            before = edges();
        }

        @Test
        @DisplayName("a new manager costs 1 SELECT (the check), 3 version UPDATEs (the lock) and 1 UPDATE")
        void assignsAManagerInOneCheckALockAndOneUpdate() {
            SqlReport report = fixture.factory().callInTransaction(entityManager -> SqlCount.record(() ->
                    new EmployeeRepository(entityManager).assignManager("employee-1.1.1@relmap.dev", "employee-1.2@relmap.dev")));

            assertThat(report).hasSelectCount(1).hasUpdateCount(3 + 1).hasInsertCount(0);
            assertThat(edges()).contains("employee-1.1.1@relmap.dev < employee-1.2@relmap.dev");
        }

        @Test
        void refusesAnEmployeeManagingThemselfAndChangesNothing() {
            assertThatThrownBy(() -> assign("employee-1.2@relmap.dev", "employee-1.2@relmap.dev"))
                    .isInstanceOf(ManagementCycleException.class)
                    .hasMessage("'Employee 1.2' cannot manage themself");

            assertThat(edges()).isEqualTo(before);
        }

        @Test
        @DisplayName("refuses an employee placed under their own report, naming both, and changes nothing")
        void refusesAnEmployeeUnderTheirOwnReport() {
            assertThatThrownBy(() -> assign("employee-1.2@relmap.dev", "employee-1.2.3.1@relmap.dev"))
                    .isInstanceOfSatisfying(ManagementCycleException.class, e ->
                            assertThat(e.managerEmail()).isEqualTo("employee-1.2.3.1@relmap.dev"))
                    .hasMessage("'Employee 1.2' cannot report to 'Employee 1.2.3.1': 'Employee 1.2.3.1' already reports to 'Employee 1.2'");

            assertThat(edges()).isEqualTo(before);
        }

        @Test
        void refusesAnUnknownEmailByNameAndChangesNothing() {
            assertThatThrownBy(() -> assign("employee-1.2@relmap.dev", "nobody@relmap.dev"))
                    .isInstanceOfSatisfying(UnknownIdException.class, e -> assertThat(e.id()).isEqualTo("nobody@relmap.dev"))
                    .hasMessage("No Employee with id nobody@relmap.dev");
            assertThatThrownBy(() -> fixture.unit().runInRolledBackTransaction(entityManager ->
                    new EmployeeRepository(entityManager).payrollUnder("nobody@relmap.dev")))
                    .isInstanceOf(UnknownIdException.class)
                    .hasMessage("No Employee with id nobody@relmap.dev");

            assertThat(edges()).isEqualTo(before);
        }

        private void assign(String email, String managerEmail) {
            fixture.factory().runInTransaction(entityManager ->
                    new EmployeeRepository(entityManager).assignManager(email, managerEmail));
        }
    }

    @Test
    @DisplayName("seeding 1000 employees is 1000 INSERTs in 40 batches of 25, and no 'could not be sorted' warning (HHH90032022)")
    void seedingIsBatchedDespiteTheSelfReference() {
        fixture.factory().runInTransaction(SampleData::clear);
        fixture.changed();
        SqlReport[] report = new SqlReport[1];

        List<String> warnings = HibernateWarnings.during(() -> report[0] = fixture.factory().callInTransaction(
                entityManager -> SqlCount.record(() -> SampleData.seed(entityManager, 1000))));

        assertThat(report[0]).hasInsertCount(1000).hasBatchCount(StatementKind.INSERT, 1000 / Relmap.JDBC_BATCH_SIZE)
                .hasUpdateCount(0);
        // Insert ordering is off for this unit (EmployeesPattern#properties): it cannot sort a self-reference.
        assertThat(warnings).isEmpty();
    }

    /** Every employee as "e-mail < manager's e-mail", by e-mail: compared before and after a refused write. */
    private List<String> edges() {
        return fixture.factory().callInTransaction(entityManager -> entityManager.createQuery("""
                select e.email || ' < ' || coalesce(m.email, '-')
                from Employee e
                left join e.manager m
                order by e.email""", String.class)
                .getResultList());
    }
}
