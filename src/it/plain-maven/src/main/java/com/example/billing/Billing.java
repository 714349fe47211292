package com.example.billing;

import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** The application's persistence unit, built on whatever DataSource the application hands it. */
public final class Billing {

    private Billing() {
    }

    /**
     * The unit on {@code dataSource}: the pool in production, the same pool wrapped by the
     * statement-counting kit in tests. Without {@code hibernate.jdbc.batch_size} Hibernate sends
     * every INSERT on its own round trip, whatever the id generator.
     */
    // tag::configuration[]
    public static HibernatePersistenceConfiguration configuration(DataSource dataSource) {
        return new HibernatePersistenceConfiguration("billing")
                .managedClasses(Customer.class, Invoice.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 25)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true);
    }
    // end::configuration[]
}
