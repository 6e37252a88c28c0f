package io.casework.status.domain;

import jakarta.ws.rs.NotFoundException;

public class ProductNotFoundException extends NotFoundException {

    public ProductNotFoundException(String id) {
        super("Product " + id + " not found: GET /api/v1/status/products lists them");
    }
}
