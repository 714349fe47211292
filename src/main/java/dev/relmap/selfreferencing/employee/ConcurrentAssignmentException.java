package dev.relmap.selfreferencing.employee;

/**
 * A manager assignment refused because another transaction changed an employee it checked (the
 * employee or one on the new manager's chain) between the check and the write. Nothing of it was
 * written; read again and retry.
 */
public class ConcurrentAssignmentException extends ManagerAssignmentException {

    private static final long serialVersionUID = 1L;

    ConcurrentAssignmentException(Employee employee, Employee manager, Throwable cause) {
        super("'" + employee.getName() + "' was not put under '" + manager.getName()
                + "': another change touched the employees it checked; read again and retry",
                employee, manager, cause);
    }
}
