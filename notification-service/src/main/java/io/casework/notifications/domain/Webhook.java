package io.casework.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partner organization's endpoint for the case events of the cases it may see. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The partner organization that registered it and sees its deliveries. */
    @Column(nullable = false)
    public String organization;

    @Column(nullable = false)
    public String url;

    /** The CloudEvent types it receives, comma-separated. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    public String description;

    /**
     * {@code whsec_} + base64 of 32 random bytes (base64url for webhooks registered before 2026-12); shown to the
     * partner once, at registration or rotation.
     */
    @Column(nullable = false)
    public String secret;

    /** The secret replaced by the last rotation, still signing deliveries until {@link #previousSecretExpiresAt}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The secrets a delivery at {@code now} is signed with: the current one, and the previous one in its overlap. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    /** Replaces the secret; the one it replaces keeps signing (beside the new one) for {@code overlap}. */
    public void rotateSecret(String newSecret, Instant now, Duration overlap) {
        // PostgreSQL keeps microseconds, rounding: the answer must name the instant that is stored, or the old secret
        // may still sign at the "expiry" the partner was told (half of the time, when the nanoseconds round up).
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        previousSecret = secret;
        previousSecretExpiresAt = at.plus(overlap);
        secret = newSecret;
        secretRotatedAt = at;
    }

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean receives(String type) {
        return eventTypeList().contains(type);
    }
}
