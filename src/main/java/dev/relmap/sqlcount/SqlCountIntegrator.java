package dev.relmap.sqlcount;

import java.util.Map;
import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Lets a recording tell that the work it measures went through a factory the kit cannot see.
 * Hibernate finds it on the class path by itself ({@code META-INF/services}); you never call it.
 *
 * <p>It installs a statement inspector on every factory, which Hibernate shows each SQL statement it
 * prepares, in any session, stateless ones included, and whatever the statement returns (entities,
 * scalars, DTOs, native rows); a statement inspector you configured yourself
 * ({@value AvailableSettings#STATEMENT_INSPECTOR}) keeps running, behind the kit's. On a factory
 * whose DataSource is wrapped by {@link SqlCount#wrap} the inspector only hands the SQL on. On any
 * other factory, it and listeners for entities loaded, collections initialised and entities
 * inserted, updated or deleted note the work; when that happens on a thread with an active
 * recording, the recording's {@link Recording#stop()} fails, naming the factory, instead of
 * reporting statements it never saw. A session opened with an inspector of its own
 * ({@code SessionBuilder.statementInspector}) replaces the kit's: there only its entity events speak.
 *
 * <p>While no recording runs, each costs one check per statement or entity. A factory that should
 * carry none of the kit (one in production, say) sets {@value #WATCH} to {@code false}.
 *
 * <p>It uses only what Hibernate 6.6 and 7 both offer; should a later Hibernate lack any of it, it
 * logs one warning naming that version and leaves the factory alone, so the factory still starts.
 */
public final class SqlCountIntegrator implements Integrator, ServiceContributor {

    /** Hibernate setting: {@code false} keeps the kit's inspector and listeners off this factory. Default {@code true}. */
    public static final String WATCH = "relmap.sqlcount.watch_unwired";

    private static final System.Logger LOG = System.getLogger(SqlCountIntegrator.class.getName());

    /**
     * Runs while the factory's service registry is built, before its settings are read: the one point
     * where a statement inspector can still be put in place for every session the factory opens.
     */
    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        try {
            Map<String, Object> settings = registry.getSettings();
            Object configured = settings.get(AvailableSettings.STATEMENT_INSPECTOR);
            if (switchedOff(settings.get(WATCH)) || configured instanceof UnwiredStatementWatch) {
                return;
            }
            registry.applySetting(AvailableSettings.STATEMENT_INSPECTOR, new UnwiredStatementWatch(configured));
        } catch (LinkageError e) {
            cannotWatch("a factory's statements", e);
        }
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        try {
            watch(factory);
        } catch (LinkageError e) {
            cannotWatch("a factory", e);
        }
    }

    private static void watch(SessionFactoryImplementor factory) {
        String name = factory.getName() != null ? "'" + factory.getName() + "'" : "the factory " + factory.getUuid();
        if (switchedOff(factory.getProperties().get(WATCH))) {
            return;
        }
        boolean wired;
        try {
            wired = SqlCount.wiredSource(factory) != null;
        } catch (RuntimeException e) {
            return; // a factory without a usable connection provider: nothing to watch
        }
        if (factory.getSessionFactoryOptions().getStatementInspector() instanceof UnwiredStatementWatch watch) {
            StatementInspector configured = factory.getServiceRegistry().requireService(StrategySelector.class)
                    .resolveStrategy(StatementInspector.class, watch.configured());
            watch.bind(name, wired, configured);
        }
        if (wired) {
            return;
        }
        Runnable note = () -> SqlCount.unwiredWork(name);
        // getEventEngine(), not 7's getEventListenerRegistry(): Hibernate 6.6 has only the former
        EventListenerRegistry listeners = factory.getEventEngine().getListenerRegistry();
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

    /** Nothing to undo: the listeners and the inspector go with the factory. Hibernate 6.6 requires it. */
    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {
    }

    private static boolean switchedOff(Object setting) {
        return "false".equalsIgnoreCase(String.valueOf(setting).trim());
    }

    private static void cannotWatch(String what, LinkageError e) {
        LOG.log(System.Logger.Level.WARNING, "relmap's statement-counting kit cannot watch " + what
                + " on Hibernate " + Version.getVersionString() + " (" + e + "): work through an unwired"
                + " factory will not fail a recording there.");
    }
}
