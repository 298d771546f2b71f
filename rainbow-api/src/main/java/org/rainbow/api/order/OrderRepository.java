package org.rainbow.api.order;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrderRepository extends JpaRepository<Order, Long> {

    @Query(value = "select * from orders order by created_at desc, id desc limit :size", nativeQuery = true)
    List<Order> findNewest(@Param("size") int size);

    /** Keyset page: an index range scan on (created_at desc, id desc), as fast on page 10,000 as on page 1. */
    @Query(value = """
            select * from orders where (created_at, id) < (:createdAt, :id)
            order by created_at desc, id desc limit :size""", nativeQuery = true)
    List<Order> findOlderThan(@Param("createdAt") Instant createdAt, @Param("id") long id, @Param("size") int size);

    @Query("select l from OrderLine l where l.order.id in :orderIds order by l.id")
    List<OrderLine> findLines(@Param("orderIds") Collection<Long> orderIds);
}
