package org.rainbow.api.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record PaymentFields(@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String method) {
}
