package io.casework.sla.domain;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

/**
 * An entitlement (support plan) as data: first-response and periodic-update targets for every priority, the
 * calendar of its business-hours targets, whether the customer may escalate ("Premier"), whether 24/7 handling of
 * Critical/Severe cases was bought (their targets then run 24/7 whatever their clock) and chat/phone entitlement.
 */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "escalation_allowed", nullable = false)
    public boolean escalationAllowed;

    @Column(name = "around_the_clock_critical", nullable = false)
    public boolean aroundTheClockCritical;

    /** Calendar of BUSINESS_HOURS targets for organizations that have no region of their own. */
    @Column(name = "calendar_id", nullable = false)
    public String calendarId;

    @Column(name = "chat_support", nullable = false)
    public boolean chatSupport;

    @Column(name = "phone_support", nullable = false)
    public boolean phoneSupport;

    /**
     * Revision, the ETag. Counted by {@link #define} rather than by {@code @Version}: every accepted PUT is a
     * new revision with its own event, even when it repeats the current values (writers are serialised by a lock).
     */
    @Column(nullable = false)
    public long version;

    @ElementCollection
    @CollectionTable(name = "plan_target", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "priority")
    public Map<Priority, PlanTarget> targets = new HashMap<>();

    public static Plan create(String id) {
        Plan plan = new Plan();
        plan.id = id;
        return plan;
    }

    /** Replaces the whole definition and starts a new revision. */
    public void define(String name, boolean escalationAllowed, boolean aroundTheClockCritical, String calendarId,
            boolean chatSupport, boolean phoneSupport, Map<Priority, PlanTarget> targets) {
        if (!targets.keySet().equals(EnumSet.allOf(Priority.class))) {
            throw new IllegalArgumentException("A plan sets one target for each priority P1..P4, not " + targets.keySet());
        }
        this.name = name;
        this.escalationAllowed = escalationAllowed;
        this.aroundTheClockCritical = aroundTheClockCritical;
        this.calendarId = calendarId;
        this.chatSupport = chatSupport;
        this.phoneSupport = phoneSupport;
        // Every priority is always present, so replacing by key replaces the whole set.
        this.targets.putAll(targets);
        this.version++;
    }

    /** Whether a priority's targets run 24/7: their own clock says so, or the 24/7 add-on covers levels 1–2. */
    public boolean aroundTheClock(Priority priority) {
        return target(priority).clock() == TargetClock.ALWAYS
                || (aroundTheClockCritical && (priority == Priority.P1 || priority == Priority.P2));
    }

    public PlanTarget target(Priority priority) {
        PlanTarget target = targets.get(priority);
        if (target == null) {
            throw new IllegalStateException("Plan " + id + " has no target for " + priority);
        }
        return target;
    }
}
