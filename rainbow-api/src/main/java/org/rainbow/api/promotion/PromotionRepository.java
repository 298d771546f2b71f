package org.rainbow.api.promotion;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PromotionRepository extends JpaRepository<Promotion, Long> {

    List<Promotion> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);

    /**
     * Takes one use of a limited promotion in one statement, so parallel orders can never exceed the limit.
     * Returns 0 when the limit is reached.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("""
            update Promotion p set p.usageCount = p.usageCount + 1, p.updatedAt = :at
            where p.id = :id and (p.usageLimit is null or p.usageCount < p.usageLimit)""")
    int takeOneUse(@Param("id") long id, @Param("at") Instant at);
}
