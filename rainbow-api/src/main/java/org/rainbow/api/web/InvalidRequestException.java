package org.rainbow.api.web;

/** The request is well-formed but cannot be carried out as asked (unknown id, expired promotion, ...): 400. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
