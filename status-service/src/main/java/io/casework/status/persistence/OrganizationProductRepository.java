package io.casework.status.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Which catalogue products each organization files cases about: the products its banner watches. */
@ApplicationScoped
public class OrganizationProductRepository {

    private final EntityManager em;

    OrganizationProductRepository(EntityManager em) {
        this.em = em;
    }

    public void recordCase(String organization, String productId, Instant at) {
        em.createNativeQuery("""
                INSERT INTO organization_product (organization, product_id, last_case_at) VALUES (:org, :product, :at)
                ON CONFLICT (organization, product_id)
                DO UPDATE SET last_case_at = greatest(organization_product.last_case_at, excluded.last_case_at)
                """)
                .setParameter("org", organization)
                .setParameter("product", productId)
                .setParameter("at", at)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<String> productsOf(String organization, Instant since) {
        return em.createNativeQuery("""
                SELECT product_id FROM organization_product WHERE organization = :org AND last_case_at >= :since
                ORDER BY product_id
                """, String.class)
                .setParameter("org", organization)
                .setParameter("since", since)
                .getResultList();
    }
}
