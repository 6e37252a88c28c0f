package io.casework.status.service;

import java.util.List;

import io.casework.status.domain.Product;
import io.casework.status.persistence.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ProductService {

    private final ProductRepository products;

    ProductService(ProductRepository products) {
        this.products = products;
    }

    @Transactional
    public List<Product> list() {
        return products.listByName();
    }
}
