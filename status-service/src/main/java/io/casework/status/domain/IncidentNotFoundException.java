package io.casework.status.domain;

import jakarta.ws.rs.NotFoundException;

public class IncidentNotFoundException extends NotFoundException {

    public IncidentNotFoundException(Object id) {
        super("Incident " + id + " not found");
    }
}
