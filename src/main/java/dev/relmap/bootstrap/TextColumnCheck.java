package dev.relmap.bootstrap;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.AbstractPreDatabaseOperationEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;

/**
 * Checks every text attribute of an entity against its column just before Hibernate writes the
 * row, so that the three databases behave alike: a value longer than the mapping's
 * {@code @Column(length)} fails with {@link ValueTooLongException}, and a value holding NUL fails
 * with {@link NulCharacterException}, each naming the entity and the field, before any SQL is sent.
 *
 * <p>Left to themselves they differ: PostgreSQL and H2 refuse a long value with SQLState 22001
 * without naming the column (PostgreSQL) or naming it (H2); MariaDB refuses it in strict mode and
 * silently cuts it to the column's length when {@code sql_mode} lacks {@code STRICT_TRANS_TABLES}.
 * PostgreSQL refuses NUL; H2 and MariaDB store it.
 *
 * <p>Lengths are counted in UTF-16 code units, Java's {@link String#length()}, the way H2 counts a
 * {@code varchar(n)}: an emoji counts 2. PostgreSQL and MariaDB (utf8mb4) count code points, where
 * it counts 1, so they would store up to twice as many emoji; relmap takes the stricter count, so
 * a value accepted on one database is accepted on all three. Only basic attributes of the entity itself are checked, not those inside embeddables. Every unit
 * relmap opens has it; register it on your own factory with {@link #register}.
 */
public final class TextColumnCheck implements PreInsertEventListener, PreUpdateEventListener {

    private static final long serialVersionUID = 1L;

    /** Adds the check to {@code factory}'s insert and update events. */
    public static void register(EntityManagerFactory factory) {
        TextColumnCheck check = new TextColumnCheck();
        var listeners = factory.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
        listeners.appendListeners(EventType.PRE_INSERT, check);
        listeners.appendListeners(EventType.PRE_UPDATE, check);
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        check(event, event.getState());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        check(event, event.getState());
        return false;
    }

    private static void check(AbstractPreDatabaseOperationEvent event, Object[] state) {
        var persister = event.getPersister();
        var attributes = persister.getAttributeMappings();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeMapping attribute = attributes.get(i);
            if (attribute instanceof BasicValuedModelPart basic
                    && state[attribute.getStateArrayPosition()] instanceof String text) {
                String entity = persister.getJpaEntityName();
                int nul = text.indexOf('\0');
                if (nul >= 0) {
                    throw new NulCharacterException(entity, attribute.getAttributeName(), nul);
                }
                Long max = basic.getLength();
                if (max != null && text.length() > max) {
                    throw new ValueTooLongException(entity, attribute.getAttributeName(), max, text.length());
                }
            }
        }
    }
}
