package io.casework.notifications.service;

import java.time.Instant;
import java.util.UUID;

import io.casework.notifications.domain.Organization;
import io.casework.notifications.domain.Webhook;
import io.casework.notifications.domain.WebhookEventTypes;
import io.casework.notifications.messaging.event.CaseChanged;
import io.casework.notifications.messaging.event.CaseOpened;
import io.casework.notifications.persistence.KnownCaseRepository;
import io.casework.notifications.persistence.OrganizationRepository;
import io.casework.notifications.persistence.WebhookDeliveryRepository;
import io.casework.notifications.persistence.WebhookRepository;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Queues a case event for the webhooks of the partner that may see the case (case-service's reseller rule:
 * it manages the case's organization now, the organization grants it access, and it already managed it when
 * the case was filed). Runs in the transaction of the event's batch (CaseEventConsumer); mails are only queued there
 * too, so an SMTP outage neither holds up nor loses webhook deliveries; the (webhook, event) key makes running it
 * again harmless.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final NotificationService notifications;
    private final KnownCaseRepository cases;
    private final OrganizationRepository organizations;
    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final Event<WebhookSender.DeliveriesQueued> queued;

    WebhookFanOut(NotificationService notifications, KnownCaseRepository cases, OrganizationRepository organizations,
            WebhookRepository webhooks, WebhookDeliveryRepository deliveries, Event<WebhookSender.DeliveriesQueued> queued) {
        this.notifications = notifications;
        this.cases = cases;
        this.organizations = organizations;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.queued = queued;
    }

    /** Queues {@code payload} (the event as received) for each webhook that should get it; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(CloudEvent event, String payload) {
        if (!WebhookEventTypes.CASE_EVENTS.contains(event.getType())) {
            return 0;
        }
        UUID caseId;
        String organizationId;
        Instant filedAt;
        if (CaseOpened.TYPE.equals(event.getType())) {
            CaseOpened opened = notifications.read(event, CaseOpened.class);
            if (opened.caseId() == null || opened.organization() == null || opened.createdAt() == null) {
                return 0; // the mail handler rejects it as malformed
            }
            caseId = opened.caseId();
            organizationId = opened.organization();
            filedAt = opened.createdAt();
            // Later events of the case do not say when it was filed: remember it, whoever can see it now.
            cases.recordCreated(caseId, organizationId, filedAt, Instant.now());
        } else {
            CaseChanged changed = notifications.read(event, CaseChanged.class);
            if (CaseChanged.COMMENT_ADDED.equals(event.getType()) && !"PUBLIC".equals(changed.visibility())) {
                return 0; // internal notes are for staff only
            }
            caseId = changed.caseId();
            organizationId = changed.organization();
            // A case whose opened event was never read counts as filed at an unknown time: no partner sees it.
            filedAt = caseId == null ? null : cases.find(caseId).map(c -> c.createdAt).orElse(null);
        }
        Organization organization = organizationId == null ? null : organizations.findById(organizationId);
        if (organization == null || !organization.visibleTo(organization.reseller, filedAt)) {
            return 0;
        }
        Instant now = Instant.now();
        int added = 0;
        for (Webhook webhook : webhooks.ofOrganization(organization.reseller)) {
            if (webhook.receives(event.getType())
                    && deliveries.enqueue(webhook.id, event.getId(), event.getType(), caseId, payload, now)) {
                added++;
            }
        }
        if (added > 0) {
            queued.fire(new WebhookSender.DeliveriesQueued());
        }
        return added;
    }
}
