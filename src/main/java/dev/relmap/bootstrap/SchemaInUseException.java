package dev.relmap.bootstrap;

import java.time.Duration;

/**
 * Another relmap run on the same server still holds a unit's schema after the wait: the message
 * names the schema, the server and how to run side by side instead.
 */
public class SchemaInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String schema;

    SchemaInUseException(String schema, DatabaseSettings settings, Duration waited) {
        super("Schema " + schema + " on " + settings + " is still in use by another relmap run after "
                + waited.toSeconds() + " s; to run side by side, give this run its own prefix with "
                + "-Drelmap.schemaPrefix or RELMAP_SCHEMA_PREFIX (now '" + settings.schemaPrefix() + "')");
        this.schema = schema;
    }

    /** The schema (on MariaDB: the database) that was in use. */
    public String schema() {
        return schema;
    }
}
