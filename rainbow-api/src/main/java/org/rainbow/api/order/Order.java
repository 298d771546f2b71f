package org.rainbow.api.order;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rainbow.api.web.Timestamped;

@Entity
@Table(name = "orders")
public class Order extends Timestamped {

    /** The largest total numeric(12,2) can hold. */
    static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999.99");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_seq")
    @SequenceGenerator(name = "orders_seq", sequenceName = "orders_seq", allocationSize = 50)
    private Long id;

    @Column(name = "customer_id")
    private long customerId;

    @Column(name = "payment_id")
    private long paymentId;

    @Column(name = "promotion_id")
    private Long promotionId;

    private String status;

    private BigDecimal totalAmount;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    Order(long customerId, long paymentId, Long promotionId, Instant at) {
        this.customerId = customerId;
        this.paymentId = paymentId;
        this.promotionId = promotionId;
        this.status = "PLACED";
        this.totalAmount = new BigDecimal("0.00");
        created(at);
    }

    void addLine(long productId, int quantity, BigDecimal regularPrice, BigDecimal price) {
        OrderLine line = new OrderLine(this, productId, quantity, regularPrice, price, getCreatedAt());
        lines.add(line);
        totalAmount = totalAmount.add(line.amount());
    }

    BigDecimal totalAmount() {
        return totalAmount;
    }

    OrderView view() {
        return new OrderView(id, customerId, paymentId, promotionId, status, totalAmount, getCreatedAt(),
                getUpdatedAt(), lines.stream().map(OrderLine::view).toList());
    }

    OrderView view(List<OrderLine> loadedLines) {
        return new OrderView(id, customerId, paymentId, promotionId, status, totalAmount, getCreatedAt(),
                getUpdatedAt(), loadedLines.stream().map(OrderLine::view).toList());
    }

    public Long getId() {
        return id;
    }
}
