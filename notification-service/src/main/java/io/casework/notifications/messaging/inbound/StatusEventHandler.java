package io.casework.notifications.messaging.inbound;

import java.time.Instant;
import java.util.Set;

import io.casework.messaging.inbox.MalformedEventException;
import io.casework.notifications.domain.EmailAddresses;
import io.casework.notifications.messaging.event.IncidentChanged;
import io.casework.notifications.messaging.event.PostmortemPublished;
import io.casework.notifications.messaging.event.SubscriptionChanged;
import io.casework.notifications.persistence.SubscriptionRepository;
import io.casework.notifications.service.MailQueue;
import io.casework.notifications.service.NotificationService;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Status events, each id once: subscription events keep the subscriber list of each known issue; published
 * and updated incidents are mailed to its current subscribers.
 */
@ApplicationScoped
public class StatusEventHandler {

    /** The types this handler applies; others get no inbox row. */
    public static final Set<String> HANDLED = Set.of(IncidentChanged.PUBLISHED, IncidentChanged.UPDATED,
            PostmortemPublished.TYPE, SubscriptionChanged.ADDED, SubscriptionChanged.REMOVED);

    private final NotificationService notifications;
    private final MailQueue mails;
    private final SubscriptionRepository subscriptions;

    StatusEventHandler(NotificationService notifications, SubscriptionRepository subscriptions, MailQueue mails) {
        this.notifications = notifications;
        this.mails = mails;
        this.subscriptions = subscriptions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        switch (event.getType()) {
            case SubscriptionChanged.ADDED, SubscriptionChanged.REMOVED -> {
                SubscriptionChanged s = notifications.read(event, SubscriptionChanged.class);
                if (s.incidentId() == null || s.subscriberEmail() == null || s.subscriberEmail().isBlank()) {
                    throw new MalformedEventException(event.getType() + " event " + event.getId()
                            + " lacks incidentId or subscriberEmail");
                }
                String email = EmailAddresses.normalize(s.subscriberEmail());
                if (SubscriptionChanged.ADDED.equals(event.getType())) {
                    subscriptions.subscribe(s.incidentId(), email, s.incidentNumber(), s.title(),
                            s.subscribedAt() != null ? s.subscribedAt() : Instant.now());
                } else {
                    subscriptions.find(s.incidentId(), email).filter(sub -> sub.active())
                            .ifPresent(sub -> sub.removedAt = s.removedAt() != null ? s.removedAt() : Instant.now());
                }
            }
            case PostmortemPublished.TYPE -> {
                PostmortemPublished report = notifications.read(event, PostmortemPublished.class);
                if (report.incidentId() == null || report.number() == null
                        || (blank(report.url()) && blank(report.summary()))) {
                    throw new MalformedEventException(event.getType() + " event " + event.getId()
                            + " lacks incidentId, number, or both url and summary");
                }
                mails.enqueue(notifications.plan(event));
            }
            default -> {
                IncidentChanged incident = notifications.read(event, IncidentChanged.class);
                if (incident.incidentId() == null || incident.number() == null) {
                    throw new MalformedEventException(event.getType() + " event " + event.getId()
                            + " lacks incidentId or number");
                }
                mails.enqueue(notifications.plan(event));
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
