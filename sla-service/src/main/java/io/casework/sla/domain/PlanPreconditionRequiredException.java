package io.casework.sla.domain;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** 428 (RFC 6585): replacing an existing plan without If-Match could silently undo someone else's change. */
public class PlanPreconditionRequiredException extends ClientErrorException {

    public PlanPreconditionRequiredException(String message) {
        super(message, Response.status(428, "Precondition Required").build());
    }
}
