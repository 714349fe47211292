package com.example.shop;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Customers; the inherited {@code findAll()} leaves the orders lazy, 1 + N SELECTs once touched. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** 1 SELECT: the orders joined in; Hibernate 6 and 7 return each customer once. */
    @Query("""
            select c
            from Customer c
            left join fetch c.orders
            order by c.id""")
    List<Customer> findAllWithOrders();
}
