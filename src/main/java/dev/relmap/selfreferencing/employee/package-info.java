/**
 * Self-referencing, an organisation: an {@link dev.relmap.selfreferencing.employee.Employee} reports to a
 * {@code manager}, an employee of the same table, and has {@code subordinates}. The questions are
 * about chains and teams at any depth, so the reads are recursive CTEs in HQL that return records,
 * one statement each; the trade-off is the same as the category tree's: no walk, and a checked,
 * locked write for every change of manager. {@code dev.relmap.selfreferencing.category} shows the same
 * mapping as a tree of entities loaded whole.
 *
 * <p>Keys: the e-mail, the business key, is the one unique key ({@code uk_employee_email}), on a
 * column that is not null. {@code manager_id} is nullable, since the top has no manager, and is in
 * no unique key on purpose: names may repeat among one manager's reports (people share names), and
 * nothing asks for a single top, since every read starts from an e-mail. So the category tree's
 * defect, a key over a nullable column that let two roots of one name in, has no counterpart here;
 * {@code UniqueKeyContractTest} checks that no pattern's key holds a nullable column.
 *
 * <p>Refusals, in the shape every relmap pattern package shares (see {@code docs/errors.md}): a
 * null, blank or out-of-range argument is refused before any SQL by an
 * {@code IllegalArgumentException} that names the parameter (the checks are in {@code Require});
 * an e-mail no employee has, by {@code UnknownIdException}, a {@code NoSuchElementException}; an
 * assignment that would close a cycle or lost to a concurrent change, by
 * {@code ManagementCycleException} or {@code ConcurrentAssignmentException}, both a
 * {@code ManagerAssignmentException}, an {@code IllegalStateException}.
 * Once the caller rolls back, a refusal leaves the database as it was.
 */
package dev.relmap.selfreferencing.employee;
