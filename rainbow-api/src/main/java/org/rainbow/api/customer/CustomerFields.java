package org.rainbow.api.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A new customer as sent to {@code POST /api/v1/customers}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomerFields(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 255) String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*") String phone,
        @Size(max = 100) String city) {
}
