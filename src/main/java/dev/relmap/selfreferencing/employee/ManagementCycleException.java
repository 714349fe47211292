package dev.relmap.selfreferencing.employee;

/**
 * A manager assignment that would make an employee manage themself, directly or through their own
 * reports. Refused before anything is written; the message names both employees.
 */
public class ManagementCycleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String employeeEmail;
    private final String managerEmail;

    ManagementCycleException(Employee employee, Employee manager) {
        super(employee.equals(manager)
                ? "'" + employee.getName() + "' cannot manage themself"
                : "'" + employee.getName() + "' cannot report to '" + manager.getName()
                        + "': '" + manager.getName() + "' already reports to '" + employee.getName() + "'");
        this.employeeEmail = employee.getEmail();
        this.managerEmail = manager.getEmail();
    }

    public String employeeEmail() {
        return employeeEmail;
    }

    public String managerEmail() {
        return managerEmail;
    }
}
