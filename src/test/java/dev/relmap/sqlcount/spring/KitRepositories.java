package dev.relmap.sqlcount.spring;

import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.Parent;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * A plain Spring application context (no Spring Boot) around a relmap unit, whose DataSource the kit
 * already wraps: Spring Data JPA repositories, a JPA transaction manager and a class-based
 * repository proxied for {@code @Transactional}.
 */
@Configuration
@EnableJpaRepositories(basePackageClasses = ParentRepository.class)
@EnableTransactionManagement(proxyTargetClass = true)
public class KitRepositories {

    /** The context over {@code unit}'s factory; closing it leaves the factory to the unit. */
    public static AnnotationConfigApplicationContext open(RelmapUnit unit) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("entityManagerFactory", EntityManagerFactory.class, unit::entityManagerFactory,
                definition -> definition.setDestroyMethodName(""));
        context.register(KitRepositories.class);
        context.refresh();
        return context;
    }

    /** {@code count} parents named "parent 1" … "parent N", saved through the repository; their ids. */
    public static List<Long> seed(AnnotationConfigApplicationContext context, int count) {
        List<Parent> parents = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            parents.add(new Parent("parent " + i));
        }
        return context.getBean(ParentRepository.class).saveAll(parents).stream().map(Parent::getId).toList();
    }

    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    @Bean
    ParentDao parentDao(EntityManagerFactory entityManagerFactory) {
        return new ParentDao(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
    }
}
