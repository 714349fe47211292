package dev.relmap.bootstrap;

/**
 * Where to connect: the chosen {@link Database}, its URL and credentials, and the prefix of the
 * schemas relmap creates there. {@link #current()} reads them once from system properties or
 * environment variables ({@code relmap.url} / {@code RELMAP_URL}, {@code relmap.user} /
 * {@code RELMAP_USER}, {@code relmap.password} / {@code RELMAP_PASSWORD},
 * {@code relmap.schemaPrefix} / {@code RELMAP_SCHEMA_PREFIX}); everything else in relmap takes a
 * {@code DatabaseSettings} as an argument and reads no global state.
 *
 * @param schemaPrefix prepended to a unit's name to make its schema, {@value #DEFAULT_SCHEMA_PREFIX}
 *     by default; give two builds sharing one server different prefixes and they cannot clash
 */
public record DatabaseSettings(Database database, String url, String user, String password, String schemaPrefix) {

    /** The prefix of every schema relmap creates unless {@code relmap.schemaPrefix} says otherwise. */
    public static final String DEFAULT_SCHEMA_PREFIX = "relmap_";

    public DatabaseSettings {
        if (!schemaPrefix.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Schema prefix '" + schemaPrefix
                    + "' must start with a lower-case letter and hold only a-z, 0-9 and _");
        }
    }

    /** The settings for the database named by {@code relmap.db}, with any overrides applied. */
    public static DatabaseSettings current() {
        return of(Database.current());
    }

    /** The settings for {@code database}, with any URL/user/password/prefix overrides applied. */
    public static DatabaseSettings of(Database database) {
        return new DatabaseSettings(
                database,
                orDefault(setting("relmap.url", "RELMAP_URL"), database.defaultUrl()),
                orDefault(setting("relmap.user", "RELMAP_USER"), database.defaultUser()),
                orDefault(setting("relmap.password", "RELMAP_PASSWORD"), database.defaultPassword()),
                orDefault(setting("relmap.schemaPrefix", "RELMAP_SCHEMA_PREFIX"), DEFAULT_SCHEMA_PREFIX));
    }

    /** The default URL and credentials of {@code database}, nothing read from the environment. */
    public static DatabaseSettings defaults(Database database) {
        return new DatabaseSettings(database, database.defaultUrl(), database.defaultUser(),
                database.defaultPassword(), DEFAULT_SCHEMA_PREFIX);
    }

    static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(environmentVariable);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return database.key() + " at " + url + " as " + user;
    }
}
