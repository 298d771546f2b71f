package org.rainbow.api.seller;

import java.time.Clock;
import java.time.Instant;
import org.rainbow.api.web.CursorPage;
import org.rainbow.api.web.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SellerService {

    private final SellerRepository sellers;
    private final Clock clock;

    SellerService(SellerRepository sellers, Clock clock) {
        this.sellers = sellers;
        this.clock = clock;
    }

    @Transactional
    public SellerView register(SellerFields fields) {
        return register(fields, clock.instant());
    }

    @Transactional
    public SellerView register(SellerFields fields, Instant at) {
        return sellers.save(new Seller(fields, at)).view();
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return sellers.existsById(id);
    }

    @Transactional(readOnly = true)
    public SellerView find(long id) {
        return sellers.findById(id).map(Seller::view).orElseThrow(() -> new NotFoundException("seller", id));
    }

    @Transactional(readOnly = true)
    public CursorPage<SellerView> list(long afterId, int size) {
        return CursorPage.of(sellers.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(size)).stream()
                .map(Seller::view).toList(), size, s -> Long.toString(s.id()));
    }
}
