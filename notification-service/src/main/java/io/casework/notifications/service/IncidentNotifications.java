package io.casework.notifications.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.domain.Subscription;
import io.casework.notifications.mail.IncidentMail;
import io.casework.notifications.mail.MailComposer;
import io.casework.notifications.mail.SignedLinks;
import io.casework.notifications.messaging.event.IncidentChanged;
import io.casework.notifications.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Known-issue mails to each current subscriber, in English (seed 002), each with its own signed unsubscribe
 * link and the RFC 8058 one-click headers.
 */
@ApplicationScoped
public class IncidentNotifications {

    private final SubscriptionRepository subscriptions;
    private final MailComposer composer;
    private final SignedLinks links;

    IncidentNotifications(SubscriptionRepository subscriptions, MailComposer composer, SignedLinks links) {
        this.subscriptions = subscriptions;
        this.composer = composer;
        this.links = links;
    }

    public List<Notification> changed(String eventId, String type, IncidentChanged incident) {
        NotificationKind kind = IncidentChanged.PUBLISHED.equals(type) ? NotificationKind.INCIDENT_PUBLISHED
                : incident.resolved() ? NotificationKind.INCIDENT_RESOLVED : NotificationKind.INCIDENT_UPDATED;
        String what = "MAINTENANCE".equals(incident.kind()) ? "Maintenance" : "Known issue";
        String prefix = switch (kind) {
            case INCIDENT_PUBLISHED -> what + " published";
            case INCIDENT_RESOLVED -> what + " resolved";
            default -> what + " updated";
        };
        String headline = switch (kind) {
            case INCIDENT_PUBLISHED -> "We have published a known issue that you follow.";
            case INCIDENT_RESOLVED -> "The known issue you follow is resolved. If you still see the problem, reply on your case.";
            default -> "There is news about the known issue you follow.";
        };
        List<Notification> mails = new ArrayList<>();
        for (Subscription subscriber : subscriptions.active(incident.incidentId())) {
            String unsubscribe = links.unsubscribe(incident.incidentId(), subscriber.email);
            IncidentMail mail = new IncidentMail(incident.number(), incident.title(), headline, incident.state(),
                    incident.severity(), incident.impact(),
                    incident.affectedProducts() == null ? List.of() : incident.affectedProducts(),
                    incident.message(), unsubscribe);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            headers.put("List-Id", "Casework known issue " + incident.number() + " <" + incident.incidentId() + ".known-issues.casework.example>");
            mails.add(new Notification(eventId, kind, null, incident.incidentId(), null, subscriber.email, Language.EN,
                    composer.incident(mail, prefix), headers));
        }
        return mails;
    }
}
