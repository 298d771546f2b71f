package org.rainbow.api.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.rainbow.api.web.InvalidRequestException;

/** The client's {@code Idempotency-Key} header: 1 to 100 visible ASCII characters (a UUID fits). */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,100}");

    static IdempotencyKey of(String header) {
        if (header == null) {
            return null;
        }
        if (!VALID.matcher(header).matches()) {
            throw new InvalidRequestException(HEADER, HEADER + " must be 1 to 100 visible ASCII characters");
        }
        return new IdempotencyKey(header);
    }

    /** What the request asked for, as a hash: its records print every field, in order. */
    static String hash(PlaceOrderRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
