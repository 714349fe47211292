package dev.relmap.sqlcount.spring;

import dev.relmap.sqlcount.SqlCount;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.util.ClassUtils;

/**
 * Wires the statement-counting kit into a Spring application context in one line: the kit wraps each
 * pool exactly once, so the EntityManagerFactory, the transaction manager and any JdbcTemplate built
 * on it run through the kit, and every statement counts once.
 *
 * <pre>{@code
 * @DataJpaTest
 * @Import(SqlCountBeanPostProcessor.class)
 * class AuthorRepositoryTest { … }
 * }</pre>
 *
 * <p>A {@link DataSource} bean is replaced by {@link SqlCount#wrap(DataSource) SqlCount.wrap(it)},
 * except Spring's own proxies over another DataSource ({@code TransactionAwareDataSourceProxy},
 * {@code LazyConnectionDataSourceProxy}, any {@link DelegatingDataSource}): such a bean stays
 * itself, so beans that ask for its type still get it, and the innermost proxy of its chain is
 * pointed at the kit's wrapper of its target instead. The wrapper of a pool is the same whichever
 * bean reaches the pool first, the pool's or a proxy's built on the pool object itself: one
 * wrapper per pool, which is also the key Spring binds the transaction's connection to, so a proxy
 * still finds the connection of the transaction its transaction manager began on the pool bean.
 *
 * <p>Import it where you count, usually tests only: relmap registers nothing by itself. The wrapper
 * only delegates while no recording runs. Beans that ask for the pool's own type get it through
 * {@link DataSource#unwrap}; the pool is still closed with the context, since Spring calls the
 * destroy method of the bean it created, not of its replacement. Spring is an optional dependency
 * of relmap: this package is the only one that needs it ({@code spring-beans}, and
 * {@code spring-jdbc} for the proxies, checked for before use).
 */
public final class SqlCountBeanPostProcessor implements BeanPostProcessor {

    private static final boolean SPRING_JDBC = ClassUtils.isPresent(
            "org.springframework.jdbc.datasource.DelegatingDataSource", SqlCountBeanPostProcessor.class.getClassLoader());

    /** The kit's wrapper of each DataSource this post-processor met, by identity: one per pool. */
    private final Map<DataSource, DataSource> wrappers = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        if (SPRING_JDBC && SpringProxies.countTarget(dataSource, this::counted)) {
            return bean;
        }
        return counted(dataSource);
    }

    /** {@code dataSource} if the kit is already in it, else its one wrapper, made on first use. */
    private DataSource counted(DataSource dataSource) {
        synchronized (wrappers) {
            DataSource known = wrappers.get(dataSource);
            if (known == null) {
                known = SqlCount.wrap(dataSource);
                wrappers.put(dataSource, known);
            }
            return known;
        }
    }

    /** Spring's DataSource proxies; a class of its own so that spring-jdbc is loaded only when present. */
    private static final class SpringProxies {

        /**
         * Points the innermost {@link DelegatingDataSource} of {@code dataSource}'s chain at the
         * kit's wrapper of its target; false when {@code dataSource} is no such proxy.
         */
        static boolean countTarget(DataSource dataSource, UnaryOperator<DataSource> counted) {
            if (!(dataSource instanceof DelegatingDataSource proxy)) {
                return false;
            }
            while (proxy.getTargetDataSource() instanceof DelegatingDataSource inner) {
                proxy = inner;
            }
            DataSource target = proxy.getTargetDataSource();
            if (target != null) {
                DataSource wrapped = counted.apply(target);
                if (wrapped != target) {
                    proxy.setTargetDataSource(wrapped);
                }
            }
            return true;
        }
    }
}
