package dev.relmap.sqlcount.spring;

import dev.relmap.sqlcount.SqlCount;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wires the statement-counting kit into a Spring application context in one line: every
 * {@link DataSource} bean is replaced by {@link SqlCount#wrap(DataSource) SqlCount.wrap(it)}, so the
 * EntityManagerFactory, the transaction manager and any JdbcTemplate built on it run through the
 * kit.
 *
 * <pre>{@code
 * @DataJpaTest
 * @Import(SqlCountBeanPostProcessor.class)
 * class AuthorRepositoryTest { … }
 * }</pre>
 *
 * <p>Import it where you count, usually tests only: relmap registers nothing by itself. The wrapper
 * only delegates while no recording runs. Beans that ask for the pool's own type get it through
 * {@link DataSource#unwrap}; the pool is still closed with the context, since Spring calls the
 * destroy method of the bean it created, not of its replacement. Spring is an optional dependency
 * of relmap: this class is the only one that needs it.
 */
public final class SqlCountBeanPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? SqlCount.wrap(dataSource) : bean;
    }
}
