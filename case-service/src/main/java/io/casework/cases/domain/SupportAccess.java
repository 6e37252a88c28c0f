package io.casework.cases.domain;

import java.io.Serializable;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A user's support access to an organization's cases, granted by one of its admins. */
@Entity
@Table(name = "support_access")
public class SupportAccess extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    public enum Role {
        /** Reads the organization's cases. */
        VIEWER,
        /** Also files cases and comments. */
        REQUESTER,
        /** Also grants and revokes access. */
        ADMIN;

        public boolean canWrite() {
            return this != VIEWER;
        }
    }

    @Embeddable
    public record Key(@Column(name = "organization") String organization, @Column(name = "email") String email)
            implements Serializable {
    }
}
