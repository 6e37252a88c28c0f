package io.casework.sla.messaging.inbound;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.sla.messaging.event.OrganizationChanged;
import io.casework.sla.service.OrganizationPlanService;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies organization events to organizations' plans and regions, each event id once (log in the same transaction).
 * An announcement is an upsert like the others, ignored when a newer event was already applied.
 */
@ApplicationScoped
public class OrgEventHandler {

    /** The types that concern SLA terms and clocks; others get no inbox row. */
    public static final Set<String> HANDLED = Set.of(OrganizationChanged.CREATED, OrganizationChanged.PLAN_CHANGED,
            OrganizationChanged.ANNOUNCED);

    private final OrganizationPlanService organizations;
    private final ObjectMapper json;

    OrgEventHandler(OrganizationPlanService organizations, ObjectMapper json) {
        this.organizations = organizations;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        OrganizationChanged changed = read(event);
        OrganizationChanged.Organization organization = changed.organization();
        if (organization == null || organization.organizationId() == null || organization.planId() == null
                || changed.at() == null) {
            throw new IllegalArgumentException("Event " + event.getId() + " of type " + event.getType()
                    + " lacks organization.organizationId, organization.planId or at");
        }
        organizations.record(organization.organizationId(), organization.planId(), organization.region(), changed.at(),
                event.getId());
    }

    private OrganizationChanged read(CloudEvent event) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("Event " + event.getId() + " of type " + event.getType() + " has no data");
        }
        try {
            return json.readValue(event.getData().toBytes(), OrganizationChanged.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed " + event.getType() + " event " + event.getId(), e);
        }
    }
}
