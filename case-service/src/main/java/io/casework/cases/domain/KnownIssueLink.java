package io.casework.cases.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user's "Me too" on a known issue and the case it opened for them. */
@Entity
@Table(name = "known_issue_subscription")
public class KnownIssueLink extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "subscribed_at", nullable = false)
    public Instant subscribedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    @Embeddable
    public record Key(@Column(name = "incident_id") UUID incidentId, @Column(name = "email") String email)
            implements Serializable {
    }
}
