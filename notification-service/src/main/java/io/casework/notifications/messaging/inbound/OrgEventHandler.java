package io.casework.notifications.messaging.inbound;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.jboss.logging.Logger;

import io.casework.messaging.inbox.MalformedEventException;
import io.casework.notifications.domain.Organization;
import io.casework.notifications.messaging.event.ContractChanged;
import io.casework.notifications.messaging.event.OrganizationChanged;
import io.casework.notifications.persistence.OrganizationRepository;
import io.casework.notifications.service.MailQueue;
import io.casework.notifications.service.NotificationService;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Keeps, per organization, who manages it, whether it grants that reseller access, and since when that
 * reseller manages it: what partner webhooks need to follow case-service's reseller rule. Mails the
 * organization's admins when its maintenance contract lapses or is renewed. Each event id once.
 */
@ApplicationScoped
public class OrgEventHandler {

    private static final Logger LOG = Logger.getLogger(OrgEventHandler.class);
    private static final Set<String> RESELLER = Set.of(OrganizationChanged.CREATED, OrganizationChanged.RESELLER_CHANGED,
            OrganizationChanged.RESELLER_ACCESS_CHANGED, OrganizationChanged.ANNOUNCED);
    private static final Set<String> CONTRACT = Set.of(ContractChanged.LAPSED, ContractChanged.RENEWED);
    /** The types this handler applies; others get no inbox row. */
    public static final Set<String> HANDLED = union(RESELLER, CONTRACT);

    private final NotificationService notifications;
    private final MailQueue mails;
    private final OrganizationRepository organizations;

    OrgEventHandler(NotificationService notifications, OrganizationRepository organizations, MailQueue mails) {
        this.notifications = notifications;
        this.mails = mails;
        this.organizations = organizations;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        if (CONTRACT.contains(event.getType())) {
            contractChanged(event);
        } else if (RESELLER.contains(event.getType())) {
            resellerChanged(event);
        }
    }

    /** The mails are queued in this transaction (MailSender sends them after commit). */
    private void contractChanged(CloudEvent event) {
        ContractChanged contract = notifications.read(event, ContractChanged.class);
        if (contract.organization() == null || contract.organization().organizationId() == null) {
            throw new MalformedEventException(event.getType() + " event " + event.getId()
                    + " lacks organization.organizationId");
        }
        mails.enqueue(notifications.plan(event));
    }

    private void resellerChanged(CloudEvent event) {
        OrganizationChanged changed = notifications.read(event, OrganizationChanged.class);
        OrganizationChanged.OrganizationState state = changed.organization();
        if (state == null || state.organizationId() == null || state.resellerAccess() == null || changed.at() == null) {
            throw new MalformedEventException(event.getType() + " event " + event.getId()
                    + " lacks organization.organizationId, organization.resellerAccess or at");
        }
        Organization organization = organizations.findById(state.organizationId(), LockModeType.PESSIMISTIC_WRITE);
        boolean known = organization != null;
        if (OrganizationChanged.ANNOUNCED.equals(event.getType())) {
            announced(organization, state, changed, event);
            return;
        }
        if (!known) {
            organization = new Organization();
            organization.organizationId = state.organizationId();
        }
        if (!known || !Objects.equals(organization.reseller, state.reseller())) {
            // Created, or a new reseller: it manages the organization from then. An access change naming a reseller
            // we did not know of leaves the start unknown, which shows that reseller nothing.
            organization.resellerSince = OrganizationChanged.RESELLER_ACCESS_CHANGED.equals(event.getType()) ? null : changed.at();
        }
        organization.reseller = state.reseller();
        organization.resellerAccess = state.resellerAccess();
        if (organization.reseller == null) {
            organization.resellerSince = null;
        }
        organization.updatedAt = newest(organization.updatedAt, changed.at());
        if (!known) {
            organization.persist();
        }
    }

    /**
     * An announcement is the organization's whole state as of {@code at}: an upsert, ignored when an event at least as
     * recent was applied already. For a reseller already known to manage the organization, the later of the two
     * starts is kept, so that an announcement never shows a reseller cases filed before it took over.
     */
    private void announced(Organization organization, OrganizationChanged.OrganizationState state, OrganizationChanged changed,
            CloudEvent event) {
        boolean known = organization != null;
        if (known && organization.updatedAt != null && changed.at().isBefore(organization.updatedAt)) {
            LOG.debugf("Ignoring announcement %s of %s: older than the state applied (%s)", event.getId(),
                    state.organizationId(), organization.updatedAt);
            return;
        }
        if (!known) {
            organization = new Organization();
            organization.organizationId = state.organizationId();
        }
        Instant since = changed.resellerSince();
        if (known && state.reseller() != null && state.reseller().equals(organization.reseller)
                && organization.resellerSince != null) {
            since = since == null ? organization.resellerSince : newest(organization.resellerSince, since);
        }
        organization.reseller = state.reseller();
        organization.resellerAccess = state.resellerAccess();
        organization.resellerSince = state.reseller() == null ? null : since;
        organization.updatedAt = changed.at();
        if (!known) {
            organization.persist();
        }
    }

    private static Instant newest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
