package dev.relmap.sqlcount;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement the database ran, as seen at the JDBC level. One {@code execute} call carrying
 * several statements separated by {@code ;} is several of these, sharing a round trip.
 *
 * @param number 1-based position in the recording
 * @param sql the SQL of this statement as sent
 * @param kind what it does; id allocation (sequence calls, and the table reads and writes of
 *     {@code GenerationType.TABLE}) is {@link StatementKind#SEQUENCE}
 * @param parameters the values bound to it, in parameter order ({@code null} for SQL NULL); a value
 *     bound before the recording started was not kept and shows as {@code (not captured)}
 * @param roundTrip 1-based number of the JDBC round trip that carried it; the statements of one
 *     {@code executeBatch} share a round trip
 * @param batched whether it went in a JDBC batch
 * @param callSite the line of your code that caused it: the first stack frame outside the JDBC
 *     layers (this kit, your pool, the driver, any other JDBC proxy) and the frameworks between your
 *     code and JDBC (the JDK, Hibernate, Spring's data access plumbing, Jakarta Data implementations,
 *     and what {@link SqlCount#skipInCallSites} adds). Captured
 *     for the first three executions of each shape, and for every execution of a SELECT shape until
 *     its verdict is settled (walking the stack is the kit's main cost); {@code null} after that
 * @param thread the name of the thread that ran it
 * @param nanos time the execute call took (shared by every statement of a round trip)
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
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** The statement's shape: literals and bind parameters as {@code ?}, white space folded, lower case. */
    public String shape() {
        return SqlClassifier.shape(sql);
    }
}
