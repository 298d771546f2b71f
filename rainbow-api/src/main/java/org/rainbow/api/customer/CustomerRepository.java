package org.rainbow.api.customer;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    List<Customer> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);

    boolean existsByEmail(String email);

    /** Ids of what existed before {@code before}: the master data the generator seeded draws no later additions. */
    @Query("select e.id from Customer e where e.createdAt < :before order by e.id")
    List<Long> findIdsCreatedBefore(@Param("before") Instant before);
}
