package io.casework.notifications.domain;

import java.time.Instant;
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

    /** {@code whsec_} + base64url of 32 random bytes; shown to the partner once, at registration. */
    @Column(nullable = false)
    public String secret;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean receives(String type) {
        return eventTypeList().contains(type);
    }
}
