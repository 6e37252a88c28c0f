package io.casework.notifications.domain;

import jakarta.ws.rs.ClientErrorException;

/** 428: the resource exists, so an update must say which version it replaces (If-Match). */
public class PreconditionRequiredException extends ClientErrorException {

    public static final int STATUS = 428;

    public PreconditionRequiredException(String message) {
        super(message, STATUS);
    }
}
