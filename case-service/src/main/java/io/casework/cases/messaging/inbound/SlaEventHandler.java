package io.casework.cases.messaging.inbound;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.cases.messaging.event.SlaClockStarted;
import io.casework.cases.messaging.event.SlaPlanUpdated;
import io.casework.cases.messaging.event.SlaTargetChanged;
import io.casework.cases.messaging.event.SlaTargetsSet;
import io.casework.cases.persistence.CaseRepository;
import io.casework.cases.persistence.CaseSlaRepository;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies SLA events to cases, in the transaction of their batch (SlaEventConsumer: each event id once, in partition
 * order): the first-response due time, the SLA state that lists show (each target's due time, whether it is open and
 * whether it was breached; CaseSlaRepository) and the plans' escalation rights. Warnings change nothing here.
 */
@ApplicationScoped
public class SlaEventHandler {

    /** What case-service takes from SLA events; other types are not its concern (and get no inbox row). */
    public static final Set<String> HANDLED = Stream.concat(
            Stream.of(SlaClockStarted.TYPE, SlaTargetsSet.TYPE, SlaPlanUpdated.TYPE), SlaTargetChanged.TYPES.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final CaseRepository cases;
    private final CaseSlaRepository sla;
    private final ObjectMapper json;

    SlaEventHandler(CaseRepository cases, CaseSlaRepository sla, ObjectMapper json) {
        this.cases = cases;
        this.sla = sla;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        if (SlaClockStarted.TYPE.equals(event.getType())) {
            SlaClockStarted started = read(event, SlaClockStarted.class);
            if ("FIRST_RESPONSE".equals(started.metric())) {
                cases.findByIdOptional(started.caseId()).ifPresent(c -> c.firstResponseDueAt = started.targetAt());
            }
        }
        if (SlaTargetsSet.TYPE.equals(event.getType())) {
            // The first-response due time moves with priority changes and pauses; after the first response it is gone.
            SlaTargetsSet set = read(event, SlaTargetsSet.class);
            set.targets().stream().filter(t -> "FIRST_RESPONSE".equals(t.metric()) && t.dueAt() != null).findFirst()
                    .ifPresent(t -> cases.findByIdOptional(set.caseId()).ifPresent(c -> c.firstResponseDueAt = t.dueAt()));
            Instant at = at(set.setAt(), event);
            List<SlaTargetsSet.Target> open = set.targets() == null ? List.of()
                    : set.targets().stream().filter(SlaTargetsSet.Target::open).toList();
            for (SlaTargetsSet.Target target : open) {
                sla.target(set.caseId(), target.metric(), cycle(target.cycle()), target.dueAt(), true,
                        "BREACHED".equals(target.state()), at);
            }
            sla.closeOthers(set.caseId(), open.stream().map(t -> t.metric() + "/" + cycle(t.cycle())).toList(), at);
            sla.refresh(set.caseId());
        }
        if (SlaTargetChanged.TYPES.contains(event.getType())) {
            SlaTargetChanged changed = read(event, SlaTargetChanged.class);
            Instant at = at(changed.occurredAt(), event);
            int cycle = cycle(changed.cycle());
            switch (event.getType()) {
                case SlaTargetChanged.BREACHED -> sla.target(changed.caseId(), changed.metric(), cycle, changed.dueAt(), true, true, at);
                case SlaTargetChanged.MET -> sla.target(changed.caseId(), changed.metric(), cycle, changed.dueAt(), false, false, at);
                case SlaTargetChanged.PAUSED -> sla.target(changed.caseId(), changed.metric(), cycle, null, true, false, at);
                default -> sla.target(changed.caseId(), changed.metric(), cycle, changed.dueAt(), true, false, at);
            }
            sla.refresh(changed.caseId());
        }
        if (SlaPlanUpdated.TYPE.equals(event.getType())) {
            SlaPlanUpdated plan = read(event, SlaPlanUpdated.class);
            cases.getEntityManager().createNativeQuery(
                    "INSERT INTO plan_entitlement (plan_id, escalation_allowed) VALUES (:plan, :allowed) "
                            + "ON CONFLICT (plan_id) DO UPDATE SET escalation_allowed = EXCLUDED.escalation_allowed")
                    .setParameter("plan", plan.planId()).setParameter("allowed", plan.escalationAllowed()).executeUpdate();
        }
    }

    private static int cycle(Integer cycle) {
        return cycle == null ? 0 : cycle;
    }

    /** When it happened, by sla-service's clock: the event's own time field, else its CloudEvent time. */
    private static Instant at(Instant time, CloudEvent event) {
        return time != null ? time
                : Optional.ofNullable(event.getTime()).map(OffsetDateTime::toInstant).orElseGet(Instant::now);
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed " + event.getType() + " event " + event.getId(), e);
        }
    }
}
