package io.casework.sla.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One SLA metric of one case, timed against its organization's plan. The plan, priority and clock are copied
 * at start so that a later plan change does not move a running target silently.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Metric metric;

    @Column(nullable = false)
    public String organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetClock clock;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockState state;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "target_at", nullable = false)
    public Instant targetAt;

    @Version
    public long version;

    /** Starts the first-response clock of a case opened at {@code openedAt}. */
    public static SlaClock startFirstResponse(UUID caseId, String organization, Priority priority, Plan plan,
            Instant openedAt) {
        PlanTarget target = plan.target(priority);
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.caseId = caseId;
        clock.metric = Metric.FIRST_RESPONSE;
        clock.organization = organization;
        clock.priority = priority;
        clock.planId = plan.id;
        clock.clock = target.clock();
        clock.state = ClockState.RUNNING;
        clock.startedAt = openedAt;
        clock.targetAt = target.dueFrom(openedAt);
        return clock;
    }
}
