package org.rainbow.api.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rainbow.api.ApiIT;
import tools.jackson.databind.JsonNode;

/** Customers, sellers, products, promotions and payment methods through their endpoints. */
class MasterDataApiIT extends ApiIT {

    @BeforeEach
    void empty() {
        truncateAll();
    }

    @Test
    void customerChangesAreStoredAndStampUpdatedAt() throws Exception {
        JsonNode created = post("/api/v1/customers", Map.of("first_name", "Grace", "last_name", "Hopper",
                "email", "grace@mail.example", "phone", "+1 555 0100", "city", "Arlington")).created();
        long id = created.get("id").asLong();
        Thread.sleep(5);

        JsonNode changed = patch("/api/v1/customers/" + id, Map.of("email", "g.hopper@mail.example", "city", "NYC")).ok();

        assertThat(changed.get("email").asString()).isEqualTo("g.hopper@mail.example");
        assertThat(changed.get("city").asString()).isEqualTo("NYC");
        assertThat(changed.get("first_name").asString()).isEqualTo("Grace");
        assertThat(changed.get("updated_at").asString()).isGreaterThan(created.get("updated_at").asString());
        assertThat(get("/api/v1/customers/" + id).ok()).isEqualTo(changed);
        assertThat(jdbc.queryForObject("select updated_at > created_at from customers where id = ?", Boolean.class, id))
                .isTrue();
    }

    @Test
    void duplicateEmailIsRejectedOnCreateAndOnChange() {
        post("/api/v1/customers", Map.of("first_name", "A", "last_name", "B", "email", "taken@mail.example")).created();
        long other = post("/api/v1/customers", Map.of("first_name", "C", "last_name", "D", "email", "free@mail.example"))
                .created().get("id").asLong();

        post("/api/v1/customers", Map.of("first_name", "E", "last_name", "F", "email", "taken@mail.example")).problem(400);
        patch("/api/v1/customers/" + other, Map.of("email", "taken@mail.example")).problem(400);

        assertThat(rowCounts().get("customers")).isEqualTo(2);
    }

    @Test
    void invalidMasterDataIs400AndUnknownIdsAre404() {
        post("/api/v1/customers", Map.of("first_name", "", "last_name", "B", "email", "not-an-email")).problem(400);
        post("/api/v1/products", Map.of("seller_id", 424242, "name", "X", "category", "Y", "price", 1)).problem(400);
        post("/api/v1/promotions", Map.of("name", "bad", "discount_type", "PERCENTAGE", "discount_value", 120,
                "start_date", "2026-01-02", "end_date", "2026-01-01")).problem(400);
        post("/api/v1/promotions", Map.of("name", "bad", "discount_type", "BOGUS", "discount_value", 1,
                "start_date", "2026-01-01", "end_date", "2026-01-02")).problem(400);
        post("/api/v1/payments", Map.of("method", "lower case")).problem(400);
        patch("/api/v1/products/424242", Map.of("price", 1)).problem(404);
        get("/api/v1/customers/424242").problem(404);
        get("/api/v1/sellers/424242").problem(404);
        get("/api/v1/promotions/424242").problem(404);
        assertThat(rowCounts().values()).containsOnly(0L);
    }

    @Test
    void productPriceChangeIsANewVersionAndListsPage() {
        Shop shop = openShop("10.00");
        JsonNode changed = patch("/api/v1/products/" + shop.product(), Map.of("price", new BigDecimal("12.49"))).ok();
        assertThat(changed.get("price").decimalValue()).isEqualByComparingTo("12.49");
        assertThat(changed.get("name").asString()).isEqualTo("Lamp");
        patch("/api/v1/products/" + shop.product(), Map.of("price", new BigDecimal("-1"))).problem(400);
        JsonNode unchanged = patch("/api/v1/products/" + shop.product(), Map.of("price", new BigDecimal("12.49"))).ok();
        assertThat(unchanged.get("updated_at")).isEqualTo(changed.get("updated_at"));

        for (int i = 0; i < 4; i++) {
            post("/api/v1/sellers", Map.of("name", "Seller " + i)).created();
        }
        JsonNode first = get("/api/v1/sellers?size=3").ok();
        JsonNode second = get("/api/v1/sellers?size=3&cursor=" + first.get("next_cursor").asString()).ok();
        assertThat(first.get("items")).hasSize(3);
        assertThat(second.get("items")).hasSize(2);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(get("/api/v1/payments").ok()).hasSize(1);
        assertThat(get("/api/v1/products").ok().get("items")).hasSize(1);
        assertThat(get("/api/v1/customers").ok().get("items")).hasSize(1);
    }
}
