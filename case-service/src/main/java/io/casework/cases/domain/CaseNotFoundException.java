package io.casework.cases.domain;

import jakarta.ws.rs.NotFoundException;

/** The case does not exist or the caller may not see it (both answer 404, so existence does not leak). */
public class CaseNotFoundException extends NotFoundException {

    public CaseNotFoundException(Object id) {
        super("Case " + id + " not found");
    }
}
