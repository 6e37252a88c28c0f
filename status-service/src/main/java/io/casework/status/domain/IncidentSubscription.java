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

/** "Me too": a signed-in user joined a known issue instead of being handled on their own. */
@Entity
@Table(name = "incident_subscription")
@IdClass(IncidentSubscription.Key.class)
public class IncidentSubscription extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Id
    @Column(name = "subscriber_email")
    public String subscriberEmail;

    public String organization;

    @Column(name = "subscribed_at", nullable = false)
    public Instant subscribedAt;

    public record Key(UUID incidentId, String subscriberEmail) implements Serializable {
    }
}
