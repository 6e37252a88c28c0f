package io.casework.status.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An hour in which a product had more cases than its norm; flagged once, with the draft incident it raised. */
@Entity
@Table(name = "case_spike")
@IdClass(CaseSpike.Key.class)
public class CaseSpike extends PanacheEntityBase {

    @Id
    public String product;

    @Id
    @Column(name = "hour_start")
    public Instant hourStart;

    @Column(nullable = false)
    public int cases;

    @Column(nullable = false)
    public double threshold;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    public record Key(String product, Instant hourStart) implements Serializable {
    }
}
