package dev.relmap.bootstrap;

/**
 * Where to connect: the chosen {@link Database} and its URL and credentials, each overridable by a
 * system property or an environment variable ({@code relmap.url} / {@code RELMAP_URL},
 * {@code relmap.user} / {@code RELMAP_USER}, {@code relmap.password} / {@code RELMAP_PASSWORD}).
 */
public record DatabaseSettings(Database database, String url, String user, String password) {

    /** The settings for the database named by {@code relmap.db}, with any overrides applied. */
    public static DatabaseSettings current() {
        return of(Database.current());
    }

    /** The settings for {@code database}, with any URL/user/password overrides applied. */
    public static DatabaseSettings of(Database database) {
        return new DatabaseSettings(
                database,
                orDefault(setting("relmap.url", "RELMAP_URL"), database.defaultUrl()),
                orDefault(setting("relmap.user", "RELMAP_USER"), database.defaultUser()),
                orDefault(setting("relmap.password", "RELMAP_PASSWORD"), database.defaultPassword()));
    }

    static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(environmentVariable);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public String toString() {
        return database.key() + " at " + url + " as " + user;
    }
}
