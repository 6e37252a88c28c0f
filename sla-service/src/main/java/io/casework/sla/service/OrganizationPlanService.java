package io.casework.sla.service;

import java.time.Instant;

import org.jboss.logging.Logger;

import io.casework.sla.domain.OrganizationPlan;
import io.casework.sla.domain.calendar.Calendars;
import io.casework.sla.persistence.OrganizationPlanRepository;
import io.casework.sla.persistence.PlanRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Keeps each organization's plan and region as case-service announces them. The region is the organization's
 * business calendar: its business-hours targets run on it, whatever calendar the plan names; round-the-clock targets
 * (ALWAYS, or the 24/7 add-on) stay on 24x7. Cases already open keep the terms they started with.
 */
@ApplicationScoped
public class OrganizationPlanService {

    private static final Logger LOG = Logger.getLogger(OrganizationPlanService.class);

    private final OrganizationPlanRepository organizations;
    private final PlanRepository plans;

    OrganizationPlanService(OrganizationPlanRepository organizations, PlanRepository plans) {
        this.organizations = organizations;
        this.plans = plans;
    }

    /**
     * Records an organization's plan and region as of {@code at}; an announcement older than the one applied last is
     * ignored. Returns whether it changed anything.
     *
     * @throws IllegalArgumentException for a plan or region sla-service does not know (the event then goes to the
     *                                  dead-letter topic, to be replayed once the plan exists)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String organization, String planId, String region, Instant at, String eventId) {
        if (plans.findByIdOptional(planId).isEmpty()) {
            throw new IllegalArgumentException("Organization " + organization + " is on plan '" + planId
                    + "', which sla-service does not know; create it with PUT /api/v1/sla/plans/" + planId);
        }
        if (region != null && Calendars.find(region).isEmpty()) {
            throw new IllegalArgumentException("Organization " + organization + " is in unknown region '" + region + "'");
        }
        // Row lock: two instances applying events of one organization serialise here.
        OrganizationPlan row = organizations.findByIdOptional(organization, LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        if (row != null && row.updatedAt != null && at.isBefore(row.updatedAt)) {
            LOG.infof("Ignoring %s for %s: older than the state applied at %s", eventId, organization, row.updatedAt);
            return false;
        }
        if (row == null) {
            row = new OrganizationPlan();
            row.organization = organization;
        }
        row.planId = planId;
        row.calendarId = region;
        row.updatedAt = at;
        row.eventId = eventId;
        organizations.persist(row);
        return true;
    }
}
