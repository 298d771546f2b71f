package org.rainbow.api.product;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends JpaRepository<Product, Long> {

    List<Product> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);

    @Query("select p.id from Product p order by p.id")
    List<Long> findAllIds();
}
