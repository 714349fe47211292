package dev.relmap.sqlcount.spring;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The post-processor in a real application context with a pool bean and Spring's proxies over it:
 * the kit wraps the pool once, whichever bean Spring post-processes first, the proxies stay
 * themselves, and a statement run through any of the beans counts once.
 */
@DisplayName("The Spring bean post-processor, in an application context with proxies over the pool")
class OneWrapperPerPoolTest {

    private HikariDataSource pool;
    private AnnotationConfigApplicationContext context;

    @BeforeEach
    void openPool() {
        DatabaseSettings settings = DatabaseSettings.current();
        pool = new HikariDataSource();
        pool.setPoolName("kit-spring-wrappers");
        pool.setJdbcUrl(settings.url());
        pool.setUsername(settings.user());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(2);
    }

    @AfterEach
    void close() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            pool.close();
        }
    }

    @Test
    @DisplayName("a proxy bean built on the pool bean: the pool wrapped once, the proxy left as it is")
    void proxyOnThePoolBean() throws Exception {
        context = new AnnotationConfigApplicationContext();
        context.registerBean("pool", DataSource.class, () -> pool);
        context.register(SqlCountBeanPostProcessor.class, ProxyOnPoolBean.class);
        context.refresh();

        assertOneWrapperUnder(context.getBean(TransactionAwareDataSourceProxy.class));
    }

    @Test
    @DisplayName("a proxy bean post-processed before the pool bean, over the pool object: the proxy is pointed at the pool's one wrapper")
    void proxyBeforeThePool() throws Exception {
        context = new AnnotationConfigApplicationContext();
        context.register(SqlCountBeanPostProcessor.class);
        context.registerBean("proxy", TransactionAwareDataSourceProxy.class, () -> new TransactionAwareDataSourceProxy(pool));
        context.registerBean("pool", DataSource.class, () -> pool);
        context.refresh();

        assertOneWrapperUnder(context.getBean(TransactionAwareDataSourceProxy.class));
    }

    @Test
    @DisplayName("a proxy bean post-processed after the pool bean, over the pool object: the proxy is pointed at the same wrapper")
    void proxyAfterThePool() throws Exception {
        context = new AnnotationConfigApplicationContext();
        context.register(SqlCountBeanPostProcessor.class);
        context.registerBean("pool", DataSource.class, () -> pool);
        context.registerBean("proxy", TransactionAwareDataSourceProxy.class, () -> new TransactionAwareDataSourceProxy(pool));
        context.refresh();

        assertOneWrapperUnder(context.getBean(TransactionAwareDataSourceProxy.class));
    }

    @Test
    @DisplayName("a chain of proxies (lazy over transaction-aware over the pool object), the outer one first: one wrapper, at the bottom")
    void chainOfProxies() throws Exception {
        TransactionAwareDataSourceProxy transactionAware = new TransactionAwareDataSourceProxy(pool);
        context = new AnnotationConfigApplicationContext();
        context.register(SqlCountBeanPostProcessor.class);
        context.registerBean("lazy", LazyConnectionDataSourceProxy.class, () -> new LazyConnectionDataSourceProxy(transactionAware));
        context.registerBean("transactionAware", TransactionAwareDataSourceProxy.class, () -> transactionAware);
        context.registerBean("pool", DataSource.class, () -> pool);
        context.refresh();

        LazyConnectionDataSourceProxy lazy = context.getBean(LazyConnectionDataSourceProxy.class);
        assertThat(lazy.getTargetDataSource()).isSameAs(transactionAware);
        assertOneWrapperUnder(transactionAware);
        assertThat(countSelectOne(lazy)).hasStatementCount(1);
    }

    /**
     * {@code proxy}'s target is the pool bean, which is the kit's one wrapper of the pool; a
     * statement through either counts once; and in a transaction begun on the pool bean, the proxy
     * hands out the transaction's connection, as it did before the kit came in.
     */
    private void assertOneWrapperUnder(TransactionAwareDataSourceProxy proxy) throws Exception {
        DataSource poolBean = context.getBean("pool", DataSource.class);

        assertThat(poolBean).isNotSameAs(pool);
        assertThat(SqlCount.wrap(poolBean)).isSameAs(poolBean); // the kit's own wrapper
        assertThat(poolBean.unwrap(HikariDataSource.class)).isSameAs(pool);
        assertThat(proxy.getTargetDataSource()).isSameAs(poolBean);
        assertThat(countSelectOne(proxy)).hasStatementCount(1);
        assertThat(countSelectOne(poolBean)).hasStatementCount(1);
        new TransactionTemplate(new DataSourceTransactionManager(poolBean)).executeWithoutResult(status -> {
            Connection transactional = DataSourceUtils.getConnection(poolBean);
            try (Connection fromProxy = proxy.getConnection()) {
                assertThat(((ConnectionProxy) fromProxy).getTargetConnection()).isSameAs(transactional);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static SqlReport countSelectOne(DataSource dataSource) {
        return SqlCount.record(() -> new JdbcTemplate(dataSource).queryForObject("select 1", Integer.class));
    }

    /** The usual way: the proxy's factory method takes the pool bean. */
    @Configuration(proxyBeanMethods = false)
    static class ProxyOnPoolBean {

        @Bean
        TransactionAwareDataSourceProxy proxy(DataSource pool) {
            return new TransactionAwareDataSourceProxy(pool);
        }
    }
}
