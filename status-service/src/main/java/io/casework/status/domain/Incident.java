package io.casework.status.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.ListIndexBase;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An incident (known issue): what is wrong, how badly, where, and its timeline of updates. The
 * collections are always shown with the incident, so they load with it, each in its own select (no
 * cartesian product, and a row lock on the incident stays a plain {@code FOR UPDATE}).
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentKind kind;

    @Column(nullable = false)
    public String title;

    /** Longer description of what users see and what to do meanwhile; optional. */
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Impact impact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    /** Publishers only, until published; a draft affects no product status and sends no public event. */
    @Column(nullable = false)
    public boolean draft;

    /** When the problem began (may precede publication), or the maintenance window's start. */
    @Column(name = "begins_at", nullable = false)
    public Instant begin;

    /** When it ended: set on resolution. */
    @Column(name = "ends_at")
    public Instant end;

    /** Announced window of a maintenance; null for incidents. */
    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    /** Maintenance only: it moves to IN_PROGRESS by itself when its window starts, if still SCHEDULED. */
    @Column(name = "auto_start", nullable = false)
    public boolean autoStart;

    /** Maintenance only: it is RESOLVED by itself when its window ends, if IN_PROGRESS or MONITORING. */
    @Column(name = "auto_complete", nullable = false)
    public boolean autoComplete;

    @Column(name = "postmortem_url")
    public String postmortemUrl;

    @Column(name = "postmortem_summary")
    public String postmortemSummary;

    @Column(name = "postmortem_at")
    public Instant postmortemAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentState state;

    @ManyToMany(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinTable(name = "incident_product", joinColumns = @JoinColumn(name = "incident_id"),
            inverseJoinColumns = @JoinColumn(name = "product_id"))
    public Set<Product> affectedProducts = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "incident_region", joinColumns = @JoinColumn(name = "incident_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "region", nullable = false)
    public Set<Region> regions = new HashSet<>();

    /** Oldest first; appending inserts one row. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "incident_update", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "seq")
    @ListIndexBase(1)
    public List<IncidentUpdate> updates = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Version
    public long version;

    public boolean isResolved() {
        return state == IncidentState.RESOLVED;
    }

    /** Published and not resolved: it shows on the status page, the banner and its products' status. */
    public boolean isOpen() {
        return !draft && !isResolved();
    }

    /**
     * The status it gives the products it affects while open: its severity's for an incident; maintenance
     * under way makes them UNDER_MAINTENANCE, and announced maintenance changes nothing yet.
     */
    public ProductStatus impliedProductStatus() {
        if (!isOpen()) {
            return ProductStatus.OPERATIONAL;
        }
        if (kind == IncidentKind.MAINTENANCE) {
            return state == IncidentState.SCHEDULED ? ProductStatus.OPERATIONAL : ProductStatus.UNDER_MAINTENANCE;
        }
        return severity.productStatus();
    }

    /** The latest update of the timeline; null for a draft that has none yet. */
    public IncidentUpdate latestUpdate() {
        return updates.isEmpty() ? null : updates.getLast();
    }

    /**
     * Appends an update to the timeline and moves the incident to its state; returns the update's
     * sequence number (1 for the initial message). A resolved incident takes no more updates, and each kind
     * has its own states.
     */
    public int record(IncidentState newState, String message, String author, Instant at) {
        if (isResolved()) {
            throw IncidentRuleException.resolved(number);
        }
        if (!kind.allows(newState)) {
            throw IncidentRuleException.stateNotAllowed(kind, newState);
        }
        state = newState;
        updatedAt = at;
        if (newState == IncidentState.RESOLVED) {
            resolvedAt = at;
            // Maintenance called off before its window ends the moment it would have begun: never before its begin.
            end = begin != null && at.isBefore(begin) ? begin : at;
        }
        updates.add(new IncidentUpdate(newState, message, author, at));
        return updates.size();
    }

    /**
     * The state its maintenance window calls for at {@code now}, if it is to move by itself: IN_PROGRESS once the window
     * has started (still SCHEDULED, {@link #autoStart}), RESOLVED once it has ended (IN_PROGRESS or MONITORING,
     * {@link #autoComplete}). One step at a time, so that the timeline says both when a whole window passed unseen.
     */
    public Optional<IncidentState> dueByWindow(Instant now) {
        if (kind != IncidentKind.MAINTENANCE || draft || isResolved() || windowStart == null) {
            return Optional.empty();
        }
        if (state == IncidentState.SCHEDULED) {
            return autoStart && !now.isBefore(windowStart) ? Optional.of(IncidentState.IN_PROGRESS) : Optional.empty();
        }
        return autoComplete && !now.isBefore(windowEnd) ? Optional.of(IncidentState.RESOLVED) : Optional.empty();
    }

    /** Product ids, sorted, as events and the API list them. */
    public List<String> affectedProductIds() {
        return affectedProducts.stream().map(p -> p.id).sorted().toList();
    }

    /** Regions in their declared order. */
    public List<Region> sortedRegions() {
        return regions.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
