package org.rainbow.api.seller;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SellerRepository extends JpaRepository<Seller, Long> {

    List<Seller> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);
}
