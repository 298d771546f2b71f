package org.rainbow.api.customer;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    List<Customer> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);

    boolean existsByEmail(String email);

    @Query("select c.id from Customer c order by c.id")
    List<Long> findAllIds();
}
