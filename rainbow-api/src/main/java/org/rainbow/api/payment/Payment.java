package org.rainbow.api.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.rainbow.api.web.Timestamped;

@Entity
@Table(name = "payments")
public class Payment extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payments_seq")
    @SequenceGenerator(name = "payments_seq", sequenceName = "payments_seq", allocationSize = 50)
    private Long id;

    private String method;

    protected Payment() {
    }

    Payment(String method, Instant at) {
        this.method = method;
        created(at);
    }

    PaymentView view() {
        return new PaymentView(id, method, getCreatedAt(), getUpdatedAt());
    }
}
