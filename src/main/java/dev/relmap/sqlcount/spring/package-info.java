/**
 * The statement-counting kit in a Spring application context:
 * {@code @Import(SqlCountBeanPostProcessor.class)} wraps each pool once, under every DataSource
 * bean and Spring proxy over it. Needs {@code spring-beans} on the class path, which relmap declares
 * optional (as {@code spring-jdbc}, which it uses when present): a project that does not use Spring
 * gets none of it.
 */
package dev.relmap.sqlcount.spring;
