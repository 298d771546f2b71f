package org.rainbow.api.promotion;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.rainbow.api.web.Timestamped;

@Entity
@Table(name = "promotions")
public class Promotion extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promotions_seq")
    @SequenceGenerator(name = "promotions_seq", sequenceName = "promotions_seq", allocationSize = 50)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private DiscountType discountType;

    private BigDecimal discountValue;
    private LocalDate startDate;
    private LocalDate endDate;
    private Integer usageLimit;
    private int usageCount;

    protected Promotion() {
    }

    Promotion(PromotionFields fields, Instant at) {
        name = fields.name();
        discountType = fields.discountType();
        discountValue = fields.discountValue();
        startDate = fields.startDate();
        endDate = fields.endDate();
        usageLimit = fields.usageLimit();
        created(at);
    }

    public Long getId() {
        return id;
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public boolean isLimited() {
        return usageLimit != null;
    }

    /** The unit price after this promotion. */
    public BigDecimal discountedPrice(BigDecimal listPrice) {
        return discountType.apply(listPrice, discountValue);
    }

    PromotionView view() {
        return new PromotionView(id, name, discountType, discountValue, startDate, endDate, usageLimit, usageCount,
                getCreatedAt(), getUpdatedAt());
    }
}
