package com.example.petclinic;

import dev.relmap.sqlcount.spring.SqlCountBeanPostProcessor;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the statement-counting kit into every {@code @SpringBootTest} context of the suite: the
 * application's component scan finds this class because it sits beside the application class, in
 * the test sources, so no test class names it and the application itself never sees it. A context
 * with no DataSource (a {@code @WebMvcTest} slice) has nothing to wrap.
 */
// tag::wire-kit[]
@Configuration(proxyBeanMethods = false)
@Import(SqlCountBeanPostProcessor.class) // every DataSource bean, wrapped by the kit
class StatementCounting {
}
// end::wire-kit[]
