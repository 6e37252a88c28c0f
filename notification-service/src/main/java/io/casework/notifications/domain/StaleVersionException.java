package io.casework.notifications.domain;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** 412: the version the client based its update on is no longer the current one. */
public class StaleVersionException extends ClientErrorException {

    public StaleVersionException(String message) {
        super(message, Response.Status.PRECONDITION_FAILED);
    }
}
