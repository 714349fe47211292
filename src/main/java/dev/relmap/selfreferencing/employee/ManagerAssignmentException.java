package dev.relmap.selfreferencing.employee;

/**
 * A manager assignment refused: {@link #employeeEmail()} was not put under
 * {@link #managerEmail()}, and nothing of it was written. The two reasons are its two subclasses,
 * so that a caller can tell them apart: {@link ManagementCycleException} (never possible, do not
 * retry) and {@link ConcurrentAssignmentException} (lost to another change: read again and retry).
 */
public abstract class ManagerAssignmentException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String employeeEmail;
    private final String managerEmail;

    ManagerAssignmentException(String message, Employee employee, Employee manager, Throwable cause) {
        super(message, cause);
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
