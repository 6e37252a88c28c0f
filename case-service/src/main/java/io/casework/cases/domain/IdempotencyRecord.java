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

/** The first result of a POST made with an Idempotency-Key, per caller. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public record Key(@Column(name = "caller") String caller, @Column(name = "idem_key") String idempotencyKey)
            implements Serializable {
    }
}
