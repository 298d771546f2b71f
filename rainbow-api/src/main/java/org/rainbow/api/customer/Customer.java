package org.rainbow.api.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.rainbow.api.web.Timestamped;

@Entity
@Table(name = "customers")
public class Customer extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customers_seq")
    @SequenceGenerator(name = "customers_seq", sequenceName = "customers_seq", allocationSize = 50)
    private Long id;

    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String city;

    protected Customer() {
    }

    Customer(CustomerFields fields, Instant at) {
        apply(fields);
        created(at);
    }

    /** Applies the change; a change that alters nothing leaves the row (and its history) untouched. */
    void change(CustomerChange change, Instant at) {
        CustomerFields next = change.mergedInto(fields());
        if (!next.equals(fields())) {
            apply(next);
            changed(at);
        }
    }

    private void apply(CustomerFields fields) {
        firstName = fields.firstName();
        lastName = fields.lastName();
        email = fields.email();
        phone = fields.phone();
        city = fields.city();
    }

    CustomerFields fields() {
        return new CustomerFields(firstName, lastName, email, phone, city);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }
}
