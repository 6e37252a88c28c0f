package io.casework.sla.domain;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** 412: the client's If-Match / If-None-Match does not hold for the plan's current revision. */
public class PlanPreconditionFailedException extends ClientErrorException {

    public PlanPreconditionFailedException(String message) {
        super(message, Response.Status.PRECONDITION_FAILED);
    }
}
