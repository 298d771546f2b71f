package org.rainbow.api.payment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

    boolean existsByMethod(String method);

    @Query("select p.id from Payment p order by p.id")
    List<Long> findAllIds();
}
