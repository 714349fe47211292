package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.Version;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;

/**
 * A JPA test that knows nothing of relmap, which is on its class path all the same: Hibernate finds
 * the kit's integrator there by itself, and the test must start and pass as if it were not.
 */
@DataJpaTest
class CustomerRepositoryTest {

    @Autowired
    private CustomerRepository customers;

    @Autowired
    private TestEntityManager entityManager;

    @Test
    void savesACustomerWithItsOrdersAndReadsThemBack() {
        Customer customer = new Customer("Ada");
        customer.addOrder(new CustomerOrder("A-1"));
        customer.addOrder(new CustomerOrder("A-2"));
        Long id = customers.save(customer).getId();
        entityManager.flush();
        entityManager.clear();

        Customer read = customers.findById(id).orElseThrow();

        assertThat(read.getName()).isEqualTo("Ada");
        assertThat(read.getOrders()).extracting(CustomerOrder::getReference).containsExactlyInAnyOrder("A-1", "A-2");
    }

    @Test
    void runsOnTheHibernateSpringBoot35Brings() {
        assertThat(Version.getVersionString()).startsWith("6.6.");
    }
}
