package dev.relmap.selfreferencing.employee;

import java.math.BigDecimal;

/** Everyone under a manager, direct and indirect: how many and their total salary, exact. */
public record Payroll(String managerEmail, long reports, BigDecimal totalSalary) {
}
