/**
 * The statement-counting kit in a Spring application context:
 * {@code @Import(SqlCountBeanPostProcessor.class)} wraps every DataSource bean. Needs
 * {@code spring-beans} on the class path, which relmap declares optional: a project that does not
 * use Spring gets none of it.
 */
package dev.relmap.sqlcount.spring;
