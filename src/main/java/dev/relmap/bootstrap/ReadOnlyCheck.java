package dev.relmap.bootstrap;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.proxy.HibernateProxy;

/**
 * Refuses every write of a read-only unit with {@link ReadOnlyUnitException} before Hibernate
 * sends anything. {@code persist}, {@code merge} and {@code remove} are refused when called, ahead
 * of Hibernate's own listeners, so a persist does not first ask the sequence for an id (a standby
 * refuses {@code nextval} too), and so is a new entity that a flush would cascade to; a change to a managed entity or collection is refused at flush,
 * just before its statement. HQL mutations and native SQL go around these events: the server
 * refuses those, on a standby and on a read-only connection alike (SQLState 25006).
 */
final class ReadOnlyCheck implements PersistEventListener, MergeEventListener, DeleteEventListener,
        PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener,
        PreCollectionRecreateEventListener, PreCollectionUpdateEventListener, PreCollectionRemoveEventListener {

    private static final long serialVersionUID = 1L;

    private final String unit;

    private ReadOnlyCheck(String unit) {
        this.unit = unit;
    }

    static void register(EntityManagerFactory factory, String unit) {
        ReadOnlyCheck check = new ReadOnlyCheck(unit);
        var listeners = factory.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
        listeners.prependListeners(EventType.PERSIST, check);
        listeners.prependListeners(EventType.PERSIST_ONFLUSH, check.new CascadedAtFlush());
        listeners.prependListeners(EventType.MERGE, check);
        listeners.prependListeners(EventType.DELETE, check);
        listeners.prependListeners(EventType.PRE_INSERT, check);
        listeners.prependListeners(EventType.PRE_UPDATE, check);
        listeners.prependListeners(EventType.PRE_DELETE, check);
        listeners.prependListeners(EventType.PRE_COLLECTION_RECREATE, check);
        listeners.prependListeners(EventType.PRE_COLLECTION_UPDATE, check);
        listeners.prependListeners(EventType.PRE_COLLECTION_REMOVE, check);
    }

    private ReadOnlyUnitException refused(String operation, String jpaEntityName) {
        return new ReadOnlyUnitException(unit, operation, jpaEntityName);
    }

    /** The JPA name of {@code entity} (events carry Hibernate's, the class name), else its class's. */
    private ReadOnlyUnitException refused(String operation, EventSource session, Object entity) {
        Class<?> type = Hibernate.getClass(entity);
        try {
            return refused(operation, session.getFactory().getMappingMetamodel().getEntityDescriptor(type).getJpaEntityName());
        } catch (RuntimeException notAnEntity) {
            return refused(operation, type.getSimpleName());
        }
    }

    @Override
    public void onPersist(PersistEvent event) {
        throw refused("persist", event.getSession(), event.getObject());
    }

    @Override
    public void onPersist(PersistEvent event, PersistContext createdAlready) {
        onPersist(event);
    }

    @Override
    public void onMerge(MergeEvent event) {
        throw refused("merge", event.getSession(), event.getOriginal());
    }

    @Override
    public void onMerge(MergeEvent event, MergeContext copiedAlready) {
        onMerge(event);
    }

    @Override
    public void onDelete(DeleteEvent event) {
        throw refused("remove", event.getSession(), event.getObject());
    }

    @Override
    public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
        onDelete(event);
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        throw refused("insert", event.getPersister().getJpaEntityName());
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        throw refused("update", event.getPersister().getJpaEntityName());
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        throw refused("delete", event.getPersister().getJpaEntityName());
    }

    @Override
    public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
        throw collection(event);
    }

    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        throw collection(event);
    }

    @Override
    public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
        throw collection(event);
    }

    /**
     * At flush Hibernate cascades persist to everything a managed entity reaches, loaded entities
     * included: only a new one, which would take a sequence value and an INSERT, is refused.
     */
    private final class CascadedAtFlush implements PersistEventListener {

        private static final long serialVersionUID = 1L;

        @Override
        public void onPersist(PersistEvent event) {
            Object entity = event.getObject();
            if (!(entity instanceof HibernateProxy)
                    && !event.getSession().getPersistenceContextInternal().isEntryFor(entity)) {
                throw refused("persist", event.getSession(), entity);
            }
        }

        @Override
        public void onPersist(PersistEvent event, PersistContext createdAlready) {
            onPersist(event);
        }
    }

    private ReadOnlyUnitException collection(AbstractCollectionEvent event) {
        String role = event.getCollectionPersister().getRole();
        String owner = event.getCollectionPersister().getOwnerEntityPersister().getJpaEntityName();
        return refused("change of " + role.substring(role.lastIndexOf('.') + 1), owner);
    }
}
