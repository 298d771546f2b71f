package org.rainbow.api.promotion;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.rainbow.api.web.CursorPage;
import org.rainbow.api.web.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PromotionService {

    private final PromotionRepository promotions;
    private final Clock clock;

    PromotionService(PromotionRepository promotions, Clock clock) {
        this.promotions = promotions;
        this.clock = clock;
    }

    @Transactional
    public PromotionView launch(PromotionFields fields) {
        return launch(fields, clock.instant());
    }

    @Transactional
    public PromotionView launch(PromotionFields fields, Instant at) {
        return promotions.save(new Promotion(fields, at)).view();
    }

    @Transactional(readOnly = true)
    public PromotionView find(long id) {
        return promotions.findById(id).map(Promotion::view).orElseThrow(() -> new NotFoundException("promotion", id));
    }

    /** The promotion an order names, read in the order's transaction (prices need the entity's rules). */
    @Transactional(readOnly = true)
    public Optional<Promotion> forOrder(long id) {
        return promotions.findById(id);
    }

    /** Takes one use of a limited promotion in the order's transaction; false when none is left. */
    @Transactional
    public boolean takeOneUse(long id, Instant at) {
        return promotions.takeOneUse(id, at) > 0;
    }

    @Transactional(readOnly = true)
    public CursorPage<PromotionView> page(long afterId, int size) {
        return CursorPage.of(promotions.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(size)).stream()
                .map(Promotion::view).toList(), size, p -> Long.toString(p.id()));
    }
}
