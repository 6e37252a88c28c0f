package io.casework.cases.domain;

import java.time.Instant;
import java.util.UUID;

import io.casework.rest.Caller;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "case_comment")
public class Comment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String author;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false)
    public AuthorKind authorKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Which side wrote a comment: notifications go to the other side. */
    public enum AuthorKind {
        CUSTOMER,
        PARTNER,
        STAFF;

        public static AuthorKind of(Caller caller) {
            return caller.isStaff() ? STAFF : caller.isPartner() ? PARTNER : CUSTOMER;
        }
    }
}
