package dev.relmap.bench;

import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Spring Data JPA peer: a plain application context (no Spring Boot, no web context) with one
 * repository over a pattern's factory and a JPA transaction manager. A read runs as a service
 * method marked {@code @Transactional(readOnly = true)} runs, which is what Spring recommends for
 * reads and what touching a lazy collection after the repository call needs: through a
 * {@link TransactionTemplate} set read-only (Hibernate's session then keeps no snapshots and never
 * flushes), committed at the end.
 */
final class SpringDataPeer implements AutoCloseable {

    private final AnnotationConfigApplicationContext context;
    private final TransactionTemplate readOnly;

    private SpringDataPeer(EntityManagerFactory factory, Class<?> configuration) {
        context = new AnnotationConfigApplicationContext();
        // The factory belongs to the caller: the context must not close it.
        context.registerBean("entityManagerFactory", EntityManagerFactory.class, () -> factory,
                definition -> definition.setDestroyMethodName(""));
        context.register(configuration);
        context.refresh();
        readOnly = new TransactionTemplate(context.getBean(JpaTransactionManager.class));
        readOnly.setReadOnly(true);
    }

    /** {@link SpringDataAuthors} over {@code factory}, which maps one-to-many's entities. */
    static SpringDataPeer authors(EntityManagerFactory factory) {
        return new SpringDataPeer(factory, AuthorsConfiguration.class);
    }

    /** {@link SpringDataBooks} over {@code factory}, which maps many-to-many's entities. */
    static SpringDataPeer books(EntityManagerFactory factory) {
        return new SpringDataPeer(factory, BooksConfiguration.class);
    }

    /** {@code work} with the repository of type {@code repository}, in a read-only transaction. */
    <R, T> T read(Class<R> repository, Function<R, T> work) {
        R bean = context.getBean(repository);
        return readOnly.execute(status -> work.apply(bean));
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration
    @EnableJpaRepositories(basePackageClasses = SpringDataAuthors.class,
            includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SpringDataAuthors.class))
    static class AuthorsConfiguration {
        @Bean
        JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }
    }

    @Configuration
    @EnableJpaRepositories(basePackageClasses = SpringDataBooks.class,
            includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SpringDataBooks.class))
    static class BooksConfiguration {
        @Bean
        JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }
    }
}
