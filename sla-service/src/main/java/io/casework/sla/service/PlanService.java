package io.casework.sla.service;

import java.util.List;
import java.util.Map;

import io.casework.messaging.outbox.EventOutbox;
import io.casework.rest.Caller;
import io.casework.rest.IfMatch;
import io.casework.sla.domain.Plan;
import io.casework.sla.domain.PlanNotFoundException;
import io.casework.sla.domain.PlanPreconditionFailedException;
import io.casework.sla.domain.PlanPreconditionRequiredException;
import io.casework.sla.domain.PlanTarget;
import io.casework.sla.domain.Priority;
import io.casework.sla.messaging.event.PlanUpdated;
import io.casework.sla.persistence.PlanRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Plan use cases; every change writes its event to the outbox in the same transaction. */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final EventOutbox outbox;

    PlanService(PlanRepository plans, EventOutbox outbox) {
        this.plans = plans;
        this.outbox = outbox;
    }

    public record PlanDefinition(String name, boolean escalationAllowed, boolean aroundTheClockCritical,
            String calendar, boolean chatSupport, boolean phoneSupport, Map<Priority, PlanTarget> targets) {
    }

    public record Replaced(Plan plan, boolean created) {
    }

    @Transactional
    public List<Plan> list() {
        return plans.listAllWithTargets();
    }

    @Transactional
    public Plan get(String id) {
        return plans.findWithTargets(id).orElseThrow(() -> new PlanNotFoundException(id));
    }

    /** Creates plan {@code id} or replaces it whole; an existing plan is only replaced at the revision the client saw. */
    @Transactional
    public Replaced replace(String id, PlanDefinition definition, IfMatch precondition, Caller caller) {
        plans.lockForWrite(id);
        Plan plan = plans.findWithTargets(id).orElse(null);
        boolean created = plan == null;
        if (created) {
            if (precondition.present()) {
                throw new PlanPreconditionFailedException("Plan " + id + " does not exist, so If-Match cannot hold");
            }
            plan = Plan.create(id);
        } else {
            if (precondition.createOnly()) {
                throw new PlanPreconditionFailedException("Plan " + id + " already exists (If-None-Match: *)");
            }
            if (!precondition.present()) {
                throw new PlanPreconditionRequiredException("Plan " + id + " exists: send If-Match with its ETag (\""
                        + plan.version + "\") to replace it");
            }
            if (!precondition.matches(plan.version)) {
                throw new PlanPreconditionFailedException("Plan " + id + " has changed: its current ETag is \""
                        + plan.version + "\"; read it again before replacing it");
            }
        }
        plan.define(definition.name(), definition.escalationAllowed(), definition.aroundTheClockCritical(),
                definition.calendar(), definition.chatSupport(), definition.phoneSupport(), definition.targets());
        if (created) {
            plans.persist(plan);
        }
        outbox.record(PlanUpdated.TYPE, plan.id, PlanUpdated.of(plan, caller.email()));
        return new Replaced(plan, created);
    }
}
