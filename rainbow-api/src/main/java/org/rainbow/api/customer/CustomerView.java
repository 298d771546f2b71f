package org.rainbow.api.customer;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomerView(long id, String firstName, String lastName, String email, String phone, String city,
                           Instant createdAt, Instant updatedAt) {

    static CustomerView of(Customer customer) {
        CustomerFields f = customer.fields();
        return new CustomerView(customer.getId(), f.firstName(), f.lastName(), f.email(), f.phone(), f.city(),
                customer.getCreatedAt(), customer.getUpdatedAt());
    }
}
