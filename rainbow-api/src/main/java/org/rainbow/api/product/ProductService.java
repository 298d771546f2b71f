package org.rainbow.api.product;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.rainbow.api.seller.SellerService;
import org.rainbow.api.web.CursorPage;
import org.rainbow.api.web.InvalidRequestException;
import org.rainbow.api.web.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProductService {

    private final ProductRepository products;
    private final SellerService sellers;
    private final Clock clock;

    ProductService(ProductRepository products, SellerService sellers, Clock clock) {
        this.products = products;
        this.sellers = sellers;
        this.clock = clock;
    }

    @Transactional
    public ProductView list(ProductFields fields) {
        return list(fields, clock.instant());
    }

    /** Lists a new product for sale as of {@code at}. */
    @Transactional
    public ProductView list(ProductFields fields, Instant at) {
        if (!sellers.exists(fields.sellerId())) {
            throw new InvalidRequestException("seller_id", "seller " + fields.sellerId() + " does not exist");
        }
        return products.save(new Product(fields, at)).view();
    }

    @Transactional
    public ProductView change(long id, ProductChange change) {
        return change(id, change, clock.instant());
    }

    @Transactional
    public ProductView change(long id, ProductChange change, Instant at) {
        Product product = products.findById(id).orElseThrow(() -> new NotFoundException("product", id));
        product.change(change, at);
        products.flush();
        return product.view();
    }

    @Transactional(readOnly = true)
    public ProductView find(long id) {
        return products.findById(id).map(Product::view).orElseThrow(() -> new NotFoundException("product", id));
    }

    /** Ids of what existed before {@code before}: the master data the generator seeded draws no later additions. */
    @Transactional(readOnly = true)
    public List<Long> idsCreatedBefore(Instant before) {
        return products.findIdsCreatedBefore(before);
    }

    @Transactional(readOnly = true)
    public CursorPage<ProductView> page(long afterId, int size) {
        return CursorPage.of(products.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(size)).stream()
                .map(Product::view).toList(), size, p -> Long.toString(p.id()));
    }
}
