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

/** The first result of a POST made with an Idempotency-Key, per caller (see {@code service.Idempotency}). */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    /** Method and path of the request, e.g. {@code POST /api/v1/cases/{id}/comments} with the id. */
    @Column(name = "request_target", nullable = false)
    public String requestTarget;

    /** The case the request created or acted on; null for what concerns no case (an organization). */
    @Column(name = "case_id")
    public UUID caseId;

    /** What the request created when it is not itself a case: a comment's, an attachment's, an organization's id. */
    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public record Key(@Column(name = "caller") String caller, @Column(name = "idem_key") String idempotencyKey)
            implements Serializable {
    }
}
