package org.rainbow.api.generator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rainbow.api.customer.CustomerFields;
import org.rainbow.api.customer.CustomerService;
import org.rainbow.api.payment.PaymentFields;
import org.rainbow.api.payment.PaymentService;
import org.rainbow.api.product.ProductFields;
import org.rainbow.api.product.ProductService;
import org.rainbow.api.promotion.DiscountType;
import org.rainbow.api.promotion.PromotionFields;
import org.rainbow.api.promotion.PromotionService;
import org.rainbow.api.promotion.PromotionView;
import org.rainbow.api.seller.SellerFields;
import org.rainbow.api.seller.SellerService;
import org.rainbow.api.web.CursorPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Creates the shop's master data through the API's services, or reads back what an earlier run created. */
@Component
class MasterDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(MasterDataSeeder.class);

    private final CustomerService customerService;
    private final SellerService sellerService;
    private final ProductService productService;
    private final PromotionService promotionService;
    private final PaymentService paymentService;

    MasterDataSeeder(CustomerService customerService, SellerService sellerService, ProductService productService,
                     PromotionService promotionService, PaymentService paymentService) {
        this.customerService = customerService;
        this.sellerService = sellerService;
        this.productService = productService;
        this.promotionService = promotionService;
        this.paymentService = paymentService;
    }

    /**
     * The master data created before {@code before} (all of it: {@link #ANY_TIME}); empty when nothing was seeded
     * yet. The generator passes the start of its history: it draws from what it seeded, never from customers or
     * products that clients added later, so a restart draws from the same catalog.
     */
    Catalog existing(Instant before) {
        List<Catalog.PromotionWindow> promotions = new ArrayList<>();
        long cursor = 0;
        CursorPage<PromotionView> page;
        do {
            page = promotionService.page(cursor, CursorPage.MAX_SIZE);
            page.items().stream().filter(p -> p.createdAt().isBefore(before))
                    .forEach(p -> promotions.add(new Catalog.PromotionWindow(p.id(), p.startDate(), p.endDate())));
            cursor = page.nextCursor() == null ? cursor : Long.parseLong(page.nextCursor());
        } while (page.nextCursor() != null);
        return new Catalog(customerService.idsCreatedBefore(before), productService.idsCreatedBefore(before),
                paymentService.idsCreatedBefore(before), promotions);
    }

    /** Later than any row's creation. */
    static final Instant ANY_TIME = Instant.parse("9999-01-01T00:00:00Z");

    /**
     * Seeds master data as of {@code at}. Promotions are spread over {@code [firstDay, lastDay]}: one runs the
     * whole time, the others for a few days to a few weeks, some with a usage limit.
     */
    Catalog seed(GeneratorProperties settings, Random random, Instant at, LocalDate firstDay, LocalDate lastDay) {
        List<Long> paymentIds = SampleData.PAYMENT_METHODS.stream()
                .map(method -> paymentService.register(new PaymentFields(method), at).id()).toList();

        List<Long> productIds = new ArrayList<>();
        for (int s = 0; s < settings.sellers(); s++) {
            long sellerId = sellerService.register(new SellerFields(SampleData.shopName(random),
                    SampleData.city(random)), at).id();
            for (int p = 0; p < settings.productsPerSeller(); p++) {
                productIds.add(productService.list(new ProductFields(sellerId, SampleData.productName(random),
                        SampleData.category(random), SampleData.price(random)), at).id());
            }
        }

        List<Long> customerIds = new ArrayList<>();
        for (int c = 0; c < settings.customers(); c++) {
            String first = SampleData.firstName(random);
            String last = SampleData.lastName(random);
            String email = (first + "." + last + "." + (c + 1) + "@mail.example").toLowerCase(Locale.ROOT);
            customerIds.add(customerService.register(new CustomerFields(first, last, email,
                    SampleData.phone(random), SampleData.city(random)), at).id());
        }

        List<Catalog.PromotionWindow> promotions = new ArrayList<>();
        long span = Math.max(1, lastDay.toEpochDay() - firstDay.toEpochDay());
        for (int i = 0; i < settings.promotions(); i++) {
            LocalDate start = i == 0 ? firstDay : firstDay.plusDays(random.nextLong(span));
            LocalDate end = i == 0 ? lastDay.plusYears(1) : start.plusDays(3 + random.nextInt(28));
            boolean percentage = random.nextBoolean();
            BigDecimal value = percentage ? BigDecimal.valueOf(5 + 5 * random.nextInt(8))
                    : BigDecimal.valueOf(1 + random.nextInt(20));
            Integer limit = i % 3 == 2 ? 50 + random.nextInt(150) : null;
            PromotionView promotion = promotionService.launch(new PromotionFields(
                    (percentage ? value + "% off " : value + " off ") + SampleData.category(random),
                    percentage ? DiscountType.PERCENTAGE : DiscountType.FIXED, value, start, end, limit), at);
            promotions.add(new Catalog.PromotionWindow(promotion.id(), start, end));
        }
        log.info("seeded {} customers, {} sellers, {} products, {} promotions, {} payment methods as of {}",
                customerIds.size(), settings.sellers(), productIds.size(), promotions.size(), paymentIds.size(),
                LocalDate.ofInstant(at, ZoneOffset.UTC));
        return new Catalog(customerIds, productIds, paymentIds, promotions);
    }
}
