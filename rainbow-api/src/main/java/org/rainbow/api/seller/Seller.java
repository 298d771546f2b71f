package org.rainbow.api.seller;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.rainbow.api.web.Timestamped;

@Entity
@Table(name = "sellers")
public class Seller extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sellers_seq")
    @SequenceGenerator(name = "sellers_seq", sequenceName = "sellers_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String city;

    protected Seller() {
    }

    Seller(SellerFields fields, Instant at) {
        name = fields.name();
        city = fields.city();
        created(at);
    }

    SellerView view() {
        return new SellerView(id, name, city, getCreatedAt(), getUpdatedAt());
    }

    public Long getId() {
        return id;
    }
}
