package org.rainbow.api.web;

/** The resource named in the URL does not exist: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, long id) {
        super(kind + " " + id + " does not exist");
    }
}
