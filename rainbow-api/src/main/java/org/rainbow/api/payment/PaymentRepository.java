package org.rainbow.api.payment;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

    boolean existsByMethod(String method);

    /** Ids of what existed before {@code before}: the master data the generator seeded draws no later additions. */
    @Query("select e.id from Payment e where e.createdAt < :before order by e.id")
    List<Long> findIdsCreatedBefore(@Param("before") Instant before);
}
