package dev.relmap.selfreferencing.employee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hibernate.Hibernate;

/** An employee and their manager, an employee of the same table; the top of the organisation has none. */
// tag::employee-mapping[]
@Entity
@Table(name = "employee",
        uniqueConstraints = @UniqueConstraint(name = Employee.UK_EMAIL, columnNames = "email"),
        indexes = @Index(name = "ix_employee_manager_id", columnList = "manager_id"))
public class Employee {

    public static final String UK_EMAIL = "uk_employee_email";
    public static final String FK_MANAGER = "fk_employee_manager";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "employee_seq")
    @SequenceGenerator(name = "employee_seq", sequenceName = "employee_seq", allocationSize = 50)
    private Long id;

    // The business key: unique (the @UniqueConstraint above), set once (no setter), and what
    // equals compares. Deliberately not @NaturalId: relmap never looks an entity up by it through
    // Hibernate, and the natural-id entry the persistence context keeps for every loaded entity
    // cost one-to-many's JOIN FETCH about a fifth of its CPU (docs/benchmarks.md, entity gap).
    @Column(name = "email", nullable = false, length = 200)
    private String email;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "position", nullable = false, length = 100)
    private String position;

    @Column(name = "salary", nullable = false, precision = 12, scale = 2)
    private BigDecimal salary;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id", foreignKey = @ForeignKey(name = FK_MANAGER))
    private Employee manager;

    @OneToMany(mappedBy = "manager")
    @OrderBy("name")
    private List<Employee> subordinates = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;
    // end::employee-mapping[]

    protected Employee() {
    }

    public Employee(String email, String name, String position, BigDecimal salary) {
        this.email = Objects.requireNonNull(email, "email");
        this.name = Objects.requireNonNull(name, "name");
        this.position = Objects.requireNonNull(position, "position");
        this.salary = Objects.requireNonNull(salary, "salary");
    }

    /**
     * Makes {@code subordinate} report to this employee, taking them from their previous manager.
     * Both sides stay in sync where loaded; an unloaded collection is not loaded for this. Changes
     * that must refuse cycles go through {@link EmployeeRepository#assignManager}.
     */
    public void addSubordinate(Employee subordinate) {
        Employee previous = subordinate.getManager();
        if (previous != null && Hibernate.isInitialized(previous)) {
            previous.forget(subordinate);
        }
        if (Hibernate.isInitialized(subordinates)) {
            subordinates.add(subordinate);
        }
        subordinate.setManager(this);
    }

    /** Takes {@code subordinate}, who reports to this employee, to the top: no manager. */
    public void removeSubordinate(Employee subordinate) {
        if (!equals(subordinate.getManager())) {
            throw new IllegalArgumentException(subordinate + " does not report to " + this);
        }
        forget(subordinate);
        subordinate.setManager(null);
    }

    // Not private: called on a manager that may be a proxy, which runs only non-private methods
    // on the loaded entity.
    void forget(Employee subordinate) {
        if (Hibernate.isInitialized(subordinates)) {
            subordinates.remove(subordinate);
        }
    }

    void setManager(Employee manager) {
        this.manager = manager;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public String getPosition() {
        return position;
    }

    public BigDecimal getSalary() {
        return salary;
    }

    /** The manager, or null at the top; a LAZY proxy unless loaded already. */
    public Employee getManager() {
        return manager;
    }

    /** Unmodifiable; change it with {@link #addSubordinate} and {@link #removeSubordinate}. */
    public List<Employee> getSubordinates() {
        return Collections.unmodifiableList(subordinates);
    }

    public long getVersion() {
        return version;
    }

    /** The e-mail is the business key: equal e-mails, equal employees, before and after persist. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Employee that && email.equals(that.getEmail());
    }

    @Override
    public int hashCode() {
        return email.hashCode();
    }

    @Override
    public String toString() {
        return "Employee(" + id + ", " + email + ")";
    }
}
