package dev.relmap.sqlcount;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Shown every SQL statement Hibernate prepares through one factory's sessions, stateless ones
 * included, whatever the statement returns: the one place that sees work entity events miss (a
 * {@code StatelessSession} is no event source, so it fires no load event; a scalar, DTO or native
 * query fires no event at all). {@link SqlCountIntegrator} installs it as the factory's statement
 * inspector, ahead of the factory's own if one was configured, and tells it once the factory is
 * built whether the kit is wired into it.
 *
 * <p>It changes no SQL. While the factory is wired, or none of the factories sharing it is
 * unwired, it only hands the SQL on; otherwise it costs one check of whether any recording runs.
 */
final class UnwiredStatementWatch implements StatementInspector {

    /** The inspector configured for the factory, as configured (an instance, a class or its name). */
    private final transient Object configured;
    private volatile StatementInspector delegate;
    /** The unwired factory's name, or null while none is known or a wired factory shares the watch. */
    private volatile String unwired;
    private final List<String> unwiredNames = new ArrayList<>();
    private boolean anyWired;

    UnwiredStatementWatch(Object configured) {
        this.configured = configured;
    }

    Object configured() {
        return configured;
    }

    /**
     * Called once for each factory built with this watch (a service registry can build several):
     * when any of them is wired, statements cannot be told apart by factory, so it stays quiet and
     * the entity events alone speak for the unwired ones.
     */
    synchronized void bind(String factory, boolean wired, StatementInspector resolved) {
        if (delegate == null) {
            delegate = resolved;
        }
        if (wired) {
            anyWired = true;
        } else {
            unwiredNames.add(factory);
        }
        unwired = anyWired || unwiredNames.isEmpty() ? null : String.join(" or ", unwiredNames);
    }

    @Override
    public String inspect(String sql) {
        StatementInspector own = delegate;
        String inspected = own == null ? sql : own.inspect(sql);
        String factory = unwired;
        if (factory != null) {
            SqlCount.unwiredWork(factory);
        }
        return inspected;
    }
}
