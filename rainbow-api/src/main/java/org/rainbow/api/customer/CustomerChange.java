package org.rainbow.api.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A partial change ({@code PATCH}): absent fields keep their value. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomerChange(
        @Size(min = 1, max = 100) String firstName,
        @Size(min = 1, max = 100) String lastName,
        @Email @Size(min = 3, max = 255) String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*") String phone,
        @Size(max = 100) String city) {

    CustomerFields mergedInto(CustomerFields current) {
        return new CustomerFields(
                firstName != null ? firstName : current.firstName(),
                lastName != null ? lastName : current.lastName(),
                email != null ? email : current.email(),
                phone != null ? phone : current.phone(),
                city != null ? city : current.city());
    }
}
