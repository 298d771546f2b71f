package org.rainbow.api.seller;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SellerFields(@NotBlank @Size(max = 200) String name, @Size(max = 100) String city) {
}
