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

    /** Applies the change; a change that alters nothing leaves the row (and its history) untouched. */
    void change(ProductChange change, Instant at) {
        String nextName = change.name() != null ? change.name() : name;
        String nextCategory = change.category() != null ? change.category() : category;
        BigDecimal nextPrice = change.price() != null ? change.price() : price;
        if (nextName.equals(name) && nextCategory.equals(category) && nextPrice.compareTo(price) == 0) {
            return;
        }
        name = nextName;
        category = nextCategory;
        price = nextPrice;
        changed(at);
    }

    ProductView view() {
        return new ProductView(id, sellerId, name, category, price, getCreatedAt(), getUpdatedAt());
    }

    public Long getId() {
        return id;
    }
}
