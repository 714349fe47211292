package dev.relmap.sqlcount.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.sqlcount.SqlCount;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Spring bean post-processor")
class SqlCountBeanPostProcessorTest {

    private final SqlCountBeanPostProcessor processor = new SqlCountBeanPostProcessor();

    @Test
    @DisplayName("wraps a DataSource bean with the kit, still unwrappable to the pool's own type")
    void wrapsDataSources() throws Exception {
        JdbcDataSource pool = new JdbcDataSource();

        Object bean = processor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(bean).isNotSameAs(pool);
        // The kit's own wrapper: wrapping it again gives it back, as wrap does for nothing else.
        assertThat(SqlCount.wrap((DataSource) bean)).isSameAs(bean);
        assertThat(((DataSource) bean).unwrap(JdbcDataSource.class)).isSameAs(pool);
    }

    @Test
    @DisplayName("wraps a DataSource only once, however often it is offered")
    void wrapsOnce() {
        Object wrapped = processor.postProcessAfterInitialization(new JdbcDataSource(), "dataSource");

        assertThat(processor.postProcessAfterInitialization(wrapped, "again")).isSameAs(wrapped);
    }

    @Test
    @DisplayName("leaves every other bean as it is")
    void leavesOtherBeans() {
        Object bean = new Object();

        assertThat(processor.postProcessAfterInitialization(bean, "other")).isSameAs(bean);
    }
}
