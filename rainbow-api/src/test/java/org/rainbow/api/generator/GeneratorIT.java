package org.rainbow.api.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.rainbow.api.customer.CustomerService;
import org.rainbow.api.order.OrderPlacementService;
import org.rainbow.api.product.ProductService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rainbow.api.ApiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class GeneratorIT extends ApiIT {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Autowired
    private GeneratorProperties settings;
    @Autowired
    private MasterDataSeeder seeder;
    @Autowired
    private TrafficGenerator traffic;
    @Autowired
    private HistoryPlanStore plans;
    @Autowired
    private OrderPlacementService orders;
    @Autowired
    private CustomerService customers;
    @Autowired
    private ProductService products;
    @Autowired
    private TransactionTemplate transactions;

    @BeforeEach
    void empty() {
        truncateAll();
    }

    @Test
    void sameSeedGivesTheSameHistoryAndAnotherSeedAnother() throws Exception {
        withSeed(settings.seed(), 0, 0).seedWithHistory(TODAY);
        List<Map<String, Object>> first = history();
        truncateAll();
        withSeed(settings.seed(), 0, 0).seedWithHistory(TODAY);
        List<Map<String, Object>> second = history();
        truncateAll();
        withSeed(settings.seed() + 1, 0, 0).seedWithHistory(TODAY);
        List<Map<String, Object>> other = history();

        assertThat(first).isNotEmpty().isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aHistoryInterruptedAnywhereResumesToTheSameHistoryAsAnUninterruptedRun() throws Exception {
        withSeed(settings.seed(), 0, 0).seedWithHistory(TODAY);
        List<Map<String, Object>> whole = history();
        for (int cut : new int[] {1, 45, 75}) {
            truncateAll();
            GeneratorRunner interrupted = new GeneratorRunner(settings, seeder, interruptingAfter(cut), plans,
                    transactions, Clock.systemUTC());
            assertThatThrownBy(() -> interrupted.seedWithHistory(TODAY)).isInstanceOf(CancellationException.class);
            Thread.interrupted();
            HistoryPlan stopped = plans.find().orElseThrow();
            assertThat(stopped.complete()).isFalse();
            assertThat(jdbc.queryForObject("select count(*) from orders where created_at >= ?", Long.class,
                    java.sql.Timestamp.valueOf(stopped.nextDay().atStartOfDay())))
                    .as("the interrupted day is written whole or not at all").isZero();

            assertThat(withSeed(settings.seed(), 0, 0).prepare(TODAY)).isEqualTo(seeder.existing(MasterDataSeeder.ANY_TIME));

            assertThat(history()).as("interrupted at order %d", cut).isEqualTo(whole);
            assertThat(plans.find()).hasValueSatisfying(p -> assertThat(p.complete()).isTrue());
        }
    }

    /** The generator's own traffic, with an interrupt (a stop of the service) once {@code cut} orders were drawn. */
    private TrafficGenerator interruptingAfter(int cut) {
        AtomicInteger drawn = new AtomicInteger();
        return new TrafficGenerator(orders, customers, products, new SimpleMeterRegistry()) {
            @Override
            boolean placeRandomOrder(Random random, Catalog catalog, Instant at) {
                if (drawn.incrementAndGet() == cut) {
                    Thread.currentThread().interrupt();
                }
                return super.placeRandomOrder(random, catalog, at);
            }
        };
    }

    @Test
    void liveTrafficDrawsOnlyFromTheMasterDataTheGeneratorSeeded() throws Exception {
        withSeed(settings.seed(), 0, 0).seedWithHistory(TODAY);
        Shop added = openShop("3.00"); // a client's own customer, product and payment method, added later

        withSeed(settings.seed(), 40, 2).run();

        assertThat(jdbc.queryForObject("select count(*) from orders where created_at > now() - interval '1 minute'",
                Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from orders o join order_details d on d.order_id = o.id "
                + "where o.customer_id = ? or o.payment_id = ? or d.product_id = ?", Long.class, added.customer(),
                added.payment(), added.product())).isZero();
    }

    @Test
    void aDatabaseWithMasterDataTheGeneratorDidNotSeedGetsNoHistory() throws Exception {
        openShop("10.00");

        withSeed(settings.seed(), 0, 0).prepare(TODAY);

        assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isZero();
        assertThat(plans.find()).isEmpty();
    }

    @Test
    void historyCoversEveryPastDayAndChangesMasterData() throws Exception {
        withSeed(settings.seed(), 0, 0).seedWithHistory(TODAY);

        List<Map<String, Object>> perDay = jdbc.queryForList("""
                select (created_at at time zone 'UTC')::date as day, count(*) as orders
                from orders group by 1 order by 1""");
        assertThat(perDay).extracting(row -> row.get("day").toString())
                .containsExactly("2026-03-12", "2026-03-13", "2026-03-14");
        assertThat(perDay).allSatisfy(row ->
                assertThat((Long) row.get("orders")).isBetween(20L, 36L));
        assertThat(jdbc.queryForObject("select count(*) from customers", Long.class)).isEqualTo(settings.customers());
        assertThat(jdbc.queryForObject("select count(*) from products", Long.class))
                .isEqualTo((long) settings.sellers() * settings.productsPerSeller());
        long changed = jdbc.queryForObject("""
                select (select count(*) from customers where updated_at > created_at)
                     + (select count(*) from products where updated_at > created_at)""", Long.class);
        assertThat(changed).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from orders where promotion_id is not null", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("""
                select count(*) from orders o
                where o.total_amount <> (select sum(d.quantity * d.price) from order_details d where d.order_id = o.id)""",
                Long.class)).isZero();
    }

    @Test
    void statusSaysTheGeneratorIsOffWhenDisabled() {
        tools.jackson.databind.JsonNode status = get("/api/v1/generator").ok();
        assertThat(status.get("phase").asString()).isEqualTo("OFF");
        assertThat(status.get("history_complete").asBoolean()).isFalse();
    }

    @Test
    void liveTrafficFollowsTheConfiguredRate() {
        GeneratorRunner live = withSeed(settings.seed(), 20, 3);
        Instant start = Instant.now();

        live.run();

        long liveOrders = jdbc.queryForObject("select count(*) from orders where created_at >= ?", Long.class,
                java.sql.Timestamp.from(start));
        assertThat(liveOrders).isBetween(50L, 61L);
    }

    private GeneratorRunner withSeed(long seed, double ordersPerSecond, long liveSeconds) {
        GeneratorProperties changed = new GeneratorProperties(true, seed, ordersPerSecond, settings.historyDays(),
                settings.historyOrdersPerDay(), settings.customers(), settings.sellers(), settings.productsPerSeller(),
                settings.promotions(), settings.changeProbability(), liveSeconds);
        return new GeneratorRunner(changed, seeder, traffic, plans, transactions, Clock.systemUTC());
    }

    /** Everything the generator decided, without the ids the sequences hand out. */
    private List<Map<String, Object>> history() {
        return jdbc.queryForList("""
                select o.created_at, c.email, c.city, pay.method, promo.name as promotion, o.total_amount,
                       p.name as product, d.quantity, d.regular_price, d.price
                from orders o
                join customers c on c.id = o.customer_id
                join payments pay on pay.id = o.payment_id
                left join promotions promo on promo.id = o.promotion_id
                join order_details d on d.order_id = o.id
                join products p on p.id = d.product_id
                order by o.created_at, d.id""");
    }
}
