package org.rainbow.speed.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rainbow.speed.topic.SpeedTopics;
import org.rainbow.speed.topic.TopicProperties;

class ChangeEventParserTest {

    private final ChangeEventParser parser = new ChangeEventParser(new SpeedTopics(new TopicProperties("rb", 3, (short) 2)));

    @Test
    void readsAnUpdateWithExactDecimalsAndTimestamps() {
        ChangeRow row = parser.parse("rb.public.orders", """
                {"before": null, "after": {"id": 7, "customer_id": 2, "payment_id": 1, "promotion_id": null,
                 "status": "PAID", "total_amount": "1234567890.12", "created_at": "2026-03-02T23:59:59.999999Z",
                 "updated_at": "2026-03-03T00:00:00Z"}, "source": {"lsn": 123456, "ts_ms": 1772496000000}, "op": "u"}
                """);
        assertThat(row.table().name()).isEqualTo("orders");
        assertThat(row.key()).isEqualTo(7L);
        assertThat(row.values()[3]).isNull();
        assertThat(row.values()[5]).isEqualTo(new BigDecimal("1234567890.12"));
        assertThat(row.values()[6]).isEqualTo(Instant.parse("2026-03-02T23:59:59.999999Z"));
        assertThat(row.version()).isEqualTo(123456L);
        assertThat(row.deleted()).isFalse();
    }

    @Test
    void aDeleteTakesTheOldRowAndDatesAreEpochDays() {
        ChangeRow row = parser.parse("rb.public.promotions", """
                {"before": {"id": 1, "name": "Ten off", "discount_type": "PERCENTAGE", "discount_value": "10.00",
                 "start_date": 20454, "end_date": 20818, "usage_limit": null, "usage_count": 3,
                 "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"},
                 "after": null, "source": {"lsn": 99, "ts_ms": 1}, "op": "d"}
                """);
        assertThat(row.deleted()).isTrue();
        assertThat(row.values()[4]).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(row.values()[3]).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void rejectsWhatItCannotTrustWithAReason() {
        assertThatThrownBy(() -> parser.parse("rb.public.orders", "{not json"))
                .isInstanceOf(PoisonMessageException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> parser.parse("rb.public.unknown", "{}"))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("not a captured table");
        assertThatThrownBy(() -> parser.parse("rb.public.products", """
                {"after": {"id": 1, "seller_id": 1, "name": "x", "category": "y", "price": "123456789.00",
                 "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"},
                 "source": {"lsn": 1, "ts_ms": 1}, "op": "c"}
                """)).isInstanceOf(PoisonMessageException.class).hasMessageContaining("does not fit numeric(10,2)");
        assertThatThrownBy(() -> parser.parse("rb.public.payments", """
                {"after": {"id": 1, "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"},
                 "source": {"lsn": 1, "ts_ms": 1}, "op": "c"}
                """)).isInstanceOf(PoisonMessageException.class).hasMessageContaining("column method is missing");
    }
}
