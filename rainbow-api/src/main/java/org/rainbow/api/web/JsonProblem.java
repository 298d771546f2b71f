package org.rainbow.api.web;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with an unreadable body in the client's terms (the JSON path and what was expected),
 * without Java class names.
 */
record JsonProblem(String detail, List<Map<String, String>> errors) {

    static JsonProblem of(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return at(unknown, "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof InvalidFormatException text && text.getTargetType() == String.class) {
            return at(text, "invalid text: " + StrictJson.PlainTextDeserializer.CONTROL_CHARACTER);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
            return at(mismatch, "wrong type: expected " + expected);
        }
        if (cause instanceof StreamReadException malformed && malformed.getLocation() != null) {
            return new JsonProblem("malformed JSON at line " + malformed.getLocation().getLineNr() + ", column "
                    + malformed.getLocation().getColumnNr(), List.of());
        }
        if (cause instanceof JacksonException json) {
            return at(json, "invalid value");
        }
        return new JsonProblem("request body is missing or is not JSON", List.of());
    }

    private static JsonProblem at(JacksonException e, String message) {
        String field = path(e.getPath());
        return new JsonProblem(field.isEmpty() ? message : field + ": " + message,
                List.of(Map.of("field", field, "message", message)));
    }

    /** {@code products[0].quantity} from Jackson's reference chain. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return type == Integer.class || type == Long.class || type == int.class || type == long.class
                    ? "an integer" : "a number";
        }
        if (type == String.class || type.isEnum()) {
            return type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        return type.isRecord() ? "an object" : "a " + type.getSimpleName();
    }
}
