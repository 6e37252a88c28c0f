package io.casework.cases.messaging.inbound;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.cases.messaging.event.SlaClockStarted;
import io.casework.cases.messaging.event.SlaPlanUpdated;
import io.casework.cases.messaging.event.SlaTargetsSet;
import io.casework.cases.persistence.CaseRepository;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies SLA events to cases, in the transaction of their batch (SlaEventConsumer: each event id once). */
@ApplicationScoped
public class SlaEventHandler {

    /** What case-service takes from SLA events; other types are not its concern (and get no inbox row). */
    public static final Set<String> HANDLED = Set.of(SlaClockStarted.TYPE, SlaTargetsSet.TYPE, SlaPlanUpdated.TYPE);

    private final CaseRepository cases;
    private final ObjectMapper json;

    SlaEventHandler(CaseRepository cases, ObjectMapper json) {
        this.cases = cases;
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
        }
        if (SlaPlanUpdated.TYPE.equals(event.getType())) {
            SlaPlanUpdated plan = read(event, SlaPlanUpdated.class);
            cases.getEntityManager().createNativeQuery(
                    "INSERT INTO plan_entitlement (plan_id, escalation_allowed) VALUES (:plan, :allowed) "
                            + "ON CONFLICT (plan_id) DO UPDATE SET escalation_allowed = EXCLUDED.escalation_allowed")
                    .setParameter("plan", plan.planId()).setParameter("allowed", plan.escalationAllowed()).executeUpdate();
        }
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed " + event.getType() + " event " + event.getId(), e);
        }
    }
}
