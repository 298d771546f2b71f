package org.rainbow.api.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.rainbow.api.web.Timestamped;

@Entity
@Table(name = "products")
public class Product extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "products_seq")
    @SequenceGenerator(name = "products_seq", sequenceName = "products_seq", allocationSize = 50)
    private Long id;

    @Column(name = "seller_id")
    private long sellerId;

    private String name;
    private String category;
    private BigDecimal price;

    protected Product() {
    }

    Product(ProductFields fields, Instant at) {
        sellerId = fields.sellerId();
        name = fields.name();
        category = fields.category();
        price = fields.price();
        created(at);
    }

    void change(ProductChange change, Instant at) {
        if (change.name() != null) {
            name = change.name();
        }
        if (change.category() != null) {
            category = change.category();
        }
        if (change.price() != null) {
            price = change.price();
        }
        changed(at);
    }

    ProductView view() {
        return new ProductView(id, sellerId, name, category, price, getCreatedAt(), getUpdatedAt());
    }

    public Long getId() {
        return id;
    }

    /** The current list price: what an order line pays before any promotion. */
    public BigDecimal getPrice() {
        return price;
    }
}
