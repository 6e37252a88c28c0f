package io.casework.status.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product of the catalogue, with the status its open incidents give it. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    /** A slug such as {@code cloud-mail}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProductStatus status;

    /** When the status last changed. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Sets the status that the worst of the open incidents affecting this product implies. */
    public void reflectOpenIncidents(Collection<Incident> openIncidents, Instant at) {
        ProductStatus current = openIncidents.stream()
                .map(Incident::impliedProductStatus)
                .max(Comparator.naturalOrder())
                .orElse(ProductStatus.OPERATIONAL);
        if (current != status) {
            status = current;
            updatedAt = at;
        }
    }
}
