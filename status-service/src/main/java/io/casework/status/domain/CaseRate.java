package io.casework.status.domain;

import java.io.Serializable;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** How many cases were opened for a product in one hour: the basis for detecting incidents from case spikes. */
@Entity
@Table(name = "case_rate")
@IdClass(CaseRate.Key.class)
public class CaseRate extends PanacheEntityBase {

    /** A product id, or the product as filed when it matches none of the catalogue. */
    @Id
    public String product;

    @Id
    @Column(name = "hour_start")
    public Instant hourStart;

    @Column(nullable = false)
    public int cases;

    public record Key(String product, Instant hourStart) implements Serializable {
    }
}
