package org.rainbow.serving.sales;

/** A client mistake in a request parameter: answered with 400 and the parameter at fault. */
public class InvalidRequestException extends RuntimeException {

    private final String parameter;

    public InvalidRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
