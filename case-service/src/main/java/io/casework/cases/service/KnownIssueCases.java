package io.casework.cases.service;

import java.time.Instant;
import java.util.Locale;

import org.jboss.logging.Logger;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.KnownIssueLink;
import io.casework.cases.domain.Organization;
import io.casework.cases.domain.Priority;
import io.casework.cases.messaging.event.KnownIssueSubscription;
import io.casework.cases.persistence.OrganizationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * "Me too" (seed 002): subscribing to a known issue opens one case linked to it for the subscriber; unsubscribing
 * returns them to individual support on that case. Pressing twice opens nothing more.
 */
@ApplicationScoped
public class KnownIssueCases {

    private static final Logger LOG = Logger.getLogger(KnownIssueCases.class);

    private final CaseService cases;
    private final CaseHistory history;
    private final OrganizationRepository organizations;

    KnownIssueCases(CaseService cases, CaseHistory history, OrganizationRepository organizations) {
        this.cases = cases;
        this.history = history;
        this.organizations = organizations;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void subscribed(KnownIssueSubscription subscription) {
        String email = subscription.subscriberEmail().toLowerCase(Locale.ROOT);
        KnownIssueLink link = KnownIssueLink.findById(new KnownIssueLink.Key(subscription.incidentId(), email));
        Instant now = Instant.now();
        if (link != null) {
            if (!link.active) {
                link.active = true;
                link.unsubscribedAt = null;
                history.record(link.caseId, now, email, "KNOWN_ISSUE_SUBSCRIBED", "knownIssueId", null,
                        subscription.incidentId(), "Subscribed again to " + subscription.incidentNumber());
            }
            return;
        }
        Organization organization = subscription.subscriberOrganization() == null ? null
                : organizations.findById(subscription.subscriberOrganization());
        if (organization == null) {
            LOG.warnf("Known issue %s: subscriber %s has no known organization; no case opened",
                    subscription.incidentNumber(), email);
            return;
        }
        Case supportCase = cases.openForKnownIssue(subscription, organization, email, priorityOf(subscription.impact()));
        link = new KnownIssueLink();
        link.key = new KnownIssueLink.Key(subscription.incidentId(), email);
        link.caseId = supportCase.id;
        link.active = true;
        link.subscribedAt = subscription.subscribedAt() != null ? subscription.subscribedAt() : now;
        link.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void unsubscribed(KnownIssueSubscription subscription) {
        String email = subscription.subscriberEmail().toLowerCase(Locale.ROOT);
        KnownIssueLink link = KnownIssueLink.findById(new KnownIssueLink.Key(subscription.incidentId(), email));
        if (link == null || !link.active) {
            return;
        }
        Instant now = Instant.now();
        link.active = false;
        link.unsubscribedAt = now;
        Case supportCase = Case.findById(link.caseId);
        if (supportCase != null && supportCase.state != CaseState.CLOSED) {
            history.record(link.caseId, now, email, "KNOWN_ISSUE_UNSUBSCRIBED", "knownIssueId", subscription.incidentId(),
                    null, "Back to individual support on this case");
        }
    }

    /** The case's priority follows the known issue's impact. */
    static Priority priorityOf(String impact) {
        return switch (impact == null ? "" : impact) {
            case "OUTAGE" -> Priority.P1;
            case "DISRUPTION" -> Priority.P2;
            default -> Priority.P3;
        };
    }

}
