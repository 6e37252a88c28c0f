package io.casework.sla.domain;

import jakarta.ws.rs.NotFoundException;

public class PlanNotFoundException extends NotFoundException {

    public PlanNotFoundException(String id) {
        super("Plan " + id + " not found");
    }
}
