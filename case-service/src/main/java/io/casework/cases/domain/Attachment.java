package io.casework.cases.domain;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file attached to a case: its metadata. The bytes live in the attachment storage under
 * {@link #storageKey}, encrypted; {@link #sha256} and {@link #size} describe the plaintext.
 */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** Sanitised: no path, no control or reserved characters, at most 255 characters. */
    @Column(nullable = false)
    public String filename;

    /** What the content is, as sniffed from its bytes; the client's Content-Type is never trusted. */
    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    /** Lower-case hex SHA-256 of the plaintext. */
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 64)
    public String sha256;

    /** Seed 003: a diagnostic bundle collected for support; read by the same people as any other attachment. */
    @Column(name = "diagnostic_bundle", nullable = false)
    public boolean diagnosticBundle;

    public String description;

    @Column(name = "storage_key", nullable = false, unique = true)
    public String storageKey;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
