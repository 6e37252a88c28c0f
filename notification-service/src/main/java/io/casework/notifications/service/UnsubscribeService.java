package io.casework.notifications.service;

import java.time.Instant;
import java.util.Optional;

import io.casework.messaging.outbox.EventOutbox;
import io.casework.notifications.domain.Subscription;
import io.casework.notifications.mail.SignedLinks;
import io.casework.notifications.messaging.event.Unsubscribed;
import io.casework.notifications.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;

/**
 * The unsubscribe link of known-issue mails. Anyone holding a validly signed token may use it (no login, as
 * RFC 8058 requires); it stops that person's mails about that issue and tells status-service, in the same
 * transaction, that the subscription is to end.
 */
@ApplicationScoped
public class UnsubscribeService {

    private final SignedLinks links;
    private final SubscriptionRepository subscriptions;
    private final EventOutbox outbox;

    UnsubscribeService(SignedLinks links, SubscriptionRepository subscriptions, EventOutbox outbox) {
        this.links = links;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    /** The subscription a token names; 400 for a token we did not sign or for an unknown subscription. */
    @Transactional
    public Subscription find(String token) {
        SignedLinks.Unsubscription target = verify(token);
        return subscriptions.find(target.incidentId(), target.email())
                .orElseThrow(() -> new BadRequestException("This unsubscribe link names no subscription"));
    }

    /** Ends the subscription; a second use changes nothing and publishes nothing. */
    @Transactional
    public Subscription unsubscribe(String token, boolean oneClick) {
        SignedLinks.Unsubscription target = verify(token);
        Optional<Subscription> found = subscriptions.findForUpdate(target.incidentId(), target.email());
        Subscription subscription = found.orElseThrow(() -> new BadRequestException("This unsubscribe link names no subscription"));
        if (subscription.active()) {
            subscription.removedAt = Instant.now();
            outbox.record(Unsubscribed.TYPE, subscription.incidentId.toString(), new Unsubscribed(subscription.incidentId,
                    subscription.incidentNumber, subscription.email, oneClick, subscription.removedAt));
        }
        return subscription;
    }

    private SignedLinks.Unsubscription verify(String token) {
        return links.verifyUnsubscribe(token)
                .orElseThrow(() -> new BadRequestException("This unsubscribe link is not valid"));
    }
}
