package dev.relmap.sqlcount;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;

/**
 * Lets a recording tell that the work it measures went through a factory the kit cannot see.
 * Hibernate finds it on the class path by itself ({@code META-INF/services}); you never call it.
 *
 * <p>For a factory whose DataSource is wrapped by {@link SqlCount#wrap} it does nothing. On any
 * other factory it listens for entities loaded, collections initialised and entities inserted,
 * updated or deleted; when that happens on a thread with an active recording, the recording's
 * {@link Recording#stop()} fails, naming the factory, instead of reporting statements it never saw.
 * Queries that return no entity (scalars, DTOs) fire no such event and go unnoticed.
 *
 * <p>The listeners run for every entity such a factory loads, recording or not: a factory that
 * should carry none of the kit (one in production, say) sets {@value #WATCH} to {@code false}.
 */
public final class SqlCountIntegrator implements Integrator {

    /** Hibernate setting: {@code false} keeps the kit's listeners off this factory. Default {@code true}. */
    public static final String WATCH = "relmap.sqlcount.watch_unwired";

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        if ("false".equalsIgnoreCase(String.valueOf(factory.getProperties().get(WATCH)).trim())) {
            return;
        }
        boolean wired;
        try {
            wired = SqlCount.wiredSource(factory) != null;
        } catch (RuntimeException e) {
            return; // a factory without a usable connection provider: nothing to watch
        }
        if (wired) {
            return;
        }
        String name = factory.getName() != null ? "'" + factory.getName() + "'" : "the factory " + factory.getUuid();
        Runnable note = () -> SqlCount.unwiredWork(name);
        var listeners = factory.getEventListenerRegistry();
        listeners.appendListeners(EventType.POST_LOAD, (PostLoadEventListener) event -> note.run());
        listeners.appendListeners(EventType.INIT_COLLECTION, (InitializeCollectionEventListener) event -> note.run());
        listeners.appendListeners(EventType.PRE_INSERT, (PreInsertEventListener) event -> {
            note.run();
            return false;
        });
        listeners.appendListeners(EventType.PRE_UPDATE, (PreUpdateEventListener) event -> {
            note.run();
            return false;
        });
        listeners.appendListeners(EventType.PRE_DELETE, (PreDeleteEventListener) event -> {
            note.run();
            return false;
        });
    }
}
