package org.rainbow.api.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record PaymentFields(@NotNull @Pattern(regexp = "[A-Z][A-Z_]{1,39}") String method) {
}
