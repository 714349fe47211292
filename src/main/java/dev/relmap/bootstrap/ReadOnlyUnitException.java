package dev.relmap.bootstrap;

/**
 * A write through a unit opened read-only ({@link UnitSpec#openReadOnly}), refused before any SQL:
 * a replica refuses every write (PostgreSQL with SQLState 25006, "cannot execute INSERT in a
 * read-only transaction"), so relmap refuses it first, naming the unit, the operation and the
 * entity, instead of letting a sequence call or a statement fail on the server. Write through the
 * unit opened on the primary.
 */
public class ReadOnlyUnitException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String unit;
    private final String operation;
    private final String entity;

    ReadOnlyUnitException(String unit, String operation, String entity) {
        super("Unit '" + unit + "' is read-only: " + operation + " of " + entity
                + " refused before any SQL; write through the unit opened on the primary");
        this.unit = unit;
        this.operation = operation;
        this.entity = entity;
    }

    /** The name of the read-only unit. */
    public String unit() {
        return unit;
    }

    /** What was asked: persist, merge, remove, insert, update, delete or a collection change. */
    public String operation() {
        return operation;
    }

    /** The entity (or, for a collection change, the owning entity) it was asked of. */
    public String entity() {
        return entity;
    }
}
