package dev.relmap.selfreferencing.employee;

/**
 * A manager assignment that would make an employee manage themself, directly or through their own
 * reports. Refused after the check's one SELECT, before anything is written; the message names
 * both employees. Retrying cannot help.
 */
public class ManagementCycleException extends ManagerAssignmentException {

    private static final long serialVersionUID = 1L;

    ManagementCycleException(Employee employee, Employee manager) {
        super(employee.equals(manager)
                ? "'" + employee.getName() + "' cannot manage themself"
                : "'" + employee.getName() + "' cannot report to '" + manager.getName()
                        + "': '" + manager.getName() + "' already reports to '" + employee.getName() + "'",
                employee, manager, null);
    }
}
