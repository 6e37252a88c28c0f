package io.casework.sla.service;

import org.jboss.logging.Logger;

import io.casework.sla.config.SlaConfig;
import io.casework.sla.domain.Plan;
import io.casework.sla.persistence.OrganizationPlanRepository;
import io.casework.sla.persistence.PlanRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/** Which plan an organization's cases are timed against: its own, else the configured default. */
@ApplicationScoped
public class PlanResolver {

    private static final Logger LOG = Logger.getLogger(PlanResolver.class);

    private final PlanRepository plans;
    private final OrganizationPlanRepository organizationPlans;
    private final SlaConfig config;

    PlanResolver(PlanRepository plans, OrganizationPlanRepository organizationPlans, SlaConfig config) {
        this.plans = plans;
        this.organizationPlans = organizationPlans;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Plan planFor(String organization) {
        String planId = organizationPlans.planOf(organization).orElse(config.defaultPlan());
        return plans.findWithTargets(planId)
                .orElseThrow(() -> new IllegalStateException("Plan " + planId + " of " + organization + " does not exist"));
    }

    /** The calendar of an organization's business-hours targets: its own region, else its plan's calendar. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String calendarFor(String organization, Plan plan) {
        return organizationPlans.findByIdOptional(organization).map(o -> o.calendarId).orElse(plan.calendarId);
    }

    /** A missing default plan would send every case of an unmapped organization to the dead-letter topic: refuse to start. */
    void checkDefaultPlan(@Observes StartupEvent start) {
        String planId = config.defaultPlan();
        if (QuarkusTransaction.requiringNew().call(() -> plans.findByIdOptional(planId).isEmpty())) {
            throw new IllegalStateException("casework.sla.default-plan names plan '" + planId + "', which does not exist");
        }
        LOG.infof("Organizations without a plan of their own get plan '%s'", planId);
    }
}
