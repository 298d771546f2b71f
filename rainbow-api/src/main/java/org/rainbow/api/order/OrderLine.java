package org.rainbow.api.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.rainbow.api.web.Timestamped;

/** One line of an order: a product, how many, its list price and the unit price charged. */
@Entity
@Table(name = "order_details")
public class OrderLine extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_details_seq")
    @SequenceGenerator(name = "order_details_seq", sequenceName = "order_details_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(name = "product_id")
    private long productId;

    private int quantity;
    private BigDecimal regularPrice;
    private BigDecimal price;

    protected OrderLine() {
    }

    OrderLine(Order order, long productId, int quantity, BigDecimal regularPrice, BigDecimal price, Instant at) {
        this.order = order;
        this.productId = productId;
        this.quantity = quantity;
        this.regularPrice = regularPrice;
        this.price = price;
        created(at);
    }

    BigDecimal amount() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }

    Long orderId() {
        return order.getId();
    }

    OrderView.LineView view() {
        return new OrderView.LineView(id, productId, quantity, regularPrice, price);
    }
}
