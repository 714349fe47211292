package dev.relmap.sqlcount;

import java.util.List;

/**
 * One statement the database ran, as seen at the JDBC level.
 *
 * @param number 1-based position in the recording
 * @param sql the SQL as sent
 * @param kind what it does
 * @param parameters the values bound to it, in parameter order ({@code null} for SQL NULL)
 * @param roundTrip 1-based number of the JDBC round trip that carried it; the statements of one
 *     {@code executeBatch} share a round trip
 * @param batched whether it went in a JDBC batch
 * @param callSite the first stack frame outside Hibernate, the JDK, the pool, the driver and this
 *     kit: the line of your code that caused it. Captured for the first three executions of each
 *     shape in a recording (walking the stack is the kit's main cost), {@code null} after them
 * @param thread the name of the thread that ran it
 * @param nanos time the execute call took (shared by every statement of a batch)
 */
public record ExecutedStatement(
        int number,
        String sql,
        StatementKind kind,
        List<Object> parameters,
        int roundTrip,
        boolean batched,
        String callSite,
        String thread,
        long nanos) {

    public ExecutedStatement {
        parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }

    /** The statement's shape (see {@link SqlClassifier#shape}). */
    public String shape() {
        return SqlClassifier.shape(sql);
    }
}
