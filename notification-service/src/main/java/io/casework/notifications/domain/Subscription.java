package io.casework.notifications.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One person following one known issue. Ended (removedAt) by status-service's event or our unsubscribe link. */
@Entity
@Table(name = "incident_subscription")
@IdClass(Subscription.Key.class)
public class Subscription extends PanacheEntityBase {

    /** Composite key: one row per incident and address. */
    public static class Key implements Serializable {
        public UUID incidentId;
        public String email;

        public Key() {
        }

        public Key(UUID incidentId, String email) {
            this.incidentId = incidentId;
            this.email = email;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(incidentId, key.incidentId) && Objects.equals(email, key.email);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, email);
        }
    }

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    /** Lower-case address (see {@link EmailAddresses}). */
    @Id
    public String email;

    @Column(name = "incident_number", nullable = false)
    public String incidentNumber;

    @Column(nullable = false)
    public String title;

    @Column(name = "subscribed_at", nullable = false)
    public Instant subscribedAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    public boolean active() {
        return removedAt == null;
    }
}
