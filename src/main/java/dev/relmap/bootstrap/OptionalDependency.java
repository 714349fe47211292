package dev.relmap.bootstrap;

/**
 * A library relmap's bootstrap needs but declares optional, so that a project using relmap only
 * for the statement-counting kit does not receive it. Checked before first use, so that a project
 * without it fails with one line naming the artifact to add, not a {@code NoClassDefFoundError}.
 */
enum OptionalDependency {

    HIKARICP("com.zaxxer.hikari.HikariDataSource", "com.zaxxer:HikariCP", "relmap pools connections with HikariCP");

    private final String className;
    private final String coordinates;
    private final String use;

    OptionalDependency(String className, String coordinates, String use) {
        this.className = className;
        this.coordinates = coordinates;
        this.use = use;
    }

    /** @throws IllegalStateException in one line naming the coordinates, when the class is missing */
    void require() {
        require(className, coordinates, use);
    }

    static void require(String className, String coordinates, String use) {
        try {
            Class.forName(className, false, OptionalDependency.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(use + ": add " + coordinates + " to your dependencies"
                    + " (relmap declares it optional, so that the statement-counting kit alone brings none)");
        }
    }
}
