package org.rainbow.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rainbow.api.ApiIT;

/** Values Jackson would quietly bend: a blank string for a number, control characters in text. All refused. */
class StrictInputIT extends ApiIT {

    @Test
    void aBlankStringIsNoIdNumberOrPrice() {
        Shop shop = openShop("5.00");
        Map<String, Long> before = rowCounts();

        for (String blank : new String[] {"\\u0000", "", " ", "\\t"}) {
            post("/api/v1/orders", """
                    {"customerId": %d, "payment_id": %d, "promotion_id": "%s", "products": [{"productId": %d, "quantity": 1}]}"""
                    .formatted(shop.customer(), shop.payment(), blank, shop.product())).problem(400);
            assertThat(patch("/api/v1/products/" + shop.product(), Map.of("price", blank.replace("\\u0000", "\u0000")))
                    .status()).isEqualTo(400);
        }
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select price from products where id = ?", java.math.BigDecimal.class,
                shop.product())).isEqualByComparingTo("5.00");
    }

    @Test
    void textWithControlCharactersIsRefusedAndNamesItsField() {
        Shop shop = openShop("5.00");

        Response refused = patch("/api/v1/customers/" + shop.customer(), Map.of("city", "Oslo\u0000"));

        assertThat(refused.problem(400).get("errors").get(0).get("field").asString()).isEqualTo("city");
        assertThat(refused.body()).contains("control character");
        assertThat(patch("/api/v1/customers/" + shop.customer(), Map.of("city", "O'Brien Street\t12")).status())
                .isEqualTo(200);
    }
}
