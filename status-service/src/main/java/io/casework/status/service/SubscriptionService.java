package io.casework.status.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.casework.messaging.outbox.EventOutbox;
import io.casework.rest.Caller;
import io.casework.status.domain.Audience;
import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentRuleException;
import io.casework.status.domain.IncidentSubscription;
import io.casework.status.messaging.event.SubscriptionAdded;
import io.casework.status.messaging.event.SubscriptionRemoved;
import io.casework.status.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * "Me too" (seed 002): a user joins a known issue. The event it sends makes case-service open one case linked to
 * the issue for them, and notification-service send them its updates; leaving returns them to individual support.
 * Both are idempotent: pressing twice sends one event.
 */
@ApplicationScoped
public class SubscriptionService {

    private final IncidentService incidents;
    private final SubscriptionRepository subscriptions;
    private final EventOutbox outbox;

    SubscriptionService(IncidentService incidents, SubscriptionRepository subscriptions, EventOutbox outbox) {
        this.incidents = incidents;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    /** The subscription, and whether this call created it (false: it existed, nothing was sent). */
    public record Subscribed(IncidentSubscription subscription, Incident incident, boolean created) {
    }

    @Transactional
    public Subscribed subscribe(UUID incidentId, Caller caller) {
        Incident incident = incidents.get(incidentId, Audience.SIGNED_IN);
        Optional<IncidentSubscription> existing = subscriptions.find(incidentId, caller.email());
        if (existing.isPresent()) {
            return new Subscribed(existing.get(), incident, false);
        }
        if (incident.isResolved()) {
            throw new IncidentRuleException(IncidentRuleException.Kind.CONFLICT, "Incident resolved", "Incident "
                    + incident.number + " is resolved: if the problem is still there for you, open a case");
        }
        Instant now = IncidentService.now();
        boolean created = subscriptions.addIfAbsent(incidentId, caller.email(), caller.organization(), now);
        IncidentSubscription subscription = subscriptions.find(incidentId, caller.email()).orElseThrow();
        if (created) {
            outbox.record(SubscriptionAdded.TYPE, incidentId.toString(), SubscriptionAdded.of(incident, subscription));
        }
        return new Subscribed(subscription, incident, created);
    }

    /** Ends the caller's subscription; true when there was one (then the event is sent). */
    @Transactional
    public boolean unsubscribe(UUID incidentId, Caller caller) {
        Incident incident = incidents.get(incidentId, Audience.SIGNED_IN);
        Optional<IncidentSubscription> existing = subscriptions.find(incidentId, caller.email());
        if (existing.isEmpty()) {
            return false;
        }
        // Delete by query: a concurrent unsubscribe that already removed it deletes nothing and sends nothing.
        long deleted = subscriptions.delete("incidentId = ?1 and subscriberEmail = ?2", incidentId, caller.email());
        if (deleted == 1) {
            outbox.record(SubscriptionRemoved.TYPE, incidentId.toString(),
                    SubscriptionRemoved.of(incident, existing.get(), IncidentService.now()));
        }
        return deleted == 1;
    }

    @Transactional
    public Optional<Subscribed> mine(UUID incidentId, Caller caller) {
        Incident incident = incidents.get(incidentId, Audience.SIGNED_IN);
        return subscriptions.find(incidentId, caller.email()).map(s -> new Subscribed(s, incident, false));
    }
}
