package io.casework.notifications.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** How one person wants to be mailed. Without a stored preference, each case's own language is used. */
@Entity
@Table(name = "preference")
public class Preference extends PanacheEntityBase {

    /** Lower-case e-mail address (see {@link EmailAddresses}). */
    @Id
    public String email;

    /** ISO 639-1 code of a supported {@link Language}; overrides the language of each case. */
    @Column(nullable = false)
    public String language;

    /**
     * Whether the person wants mails about later changes to their cases (state, comments, resolution).
     * The receipt of a newly filed case is always sent: it carries the number they need to follow up.
     */
    @Column(name = "case_updates", nullable = false)
    public boolean caseUpdates;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
