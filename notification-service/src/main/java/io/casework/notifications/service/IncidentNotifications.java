package io.casework.notifications.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.domain.Subscription;
import io.casework.notifications.mail.IncidentMail;
import io.casework.notifications.mail.MailComposer;
import io.casework.notifications.mail.SignedLinks;
import io.casework.notifications.messaging.event.IncidentChanged;
import io.casework.notifications.messaging.event.PostmortemPublished;
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
        return toSubscribers(eventId, kind, incident.incidentId(), incident.number(), prefix,
                unsubscribe -> new IncidentMail(incident.number(), incident.title(), headline, incident.state(),
                        incident.severity(), incident.impact(),
                        incident.affectedProducts() == null ? List.of() : incident.affectedProducts(),
                        incident.message(), null, unsubscribe));
    }

    /** The report of a resolved known issue, to those who still follow it (the incident is resolved: no severity). */
    public List<Notification> reportPublished(String eventId, PostmortemPublished report) {
        return toSubscribers(eventId, NotificationKind.INCIDENT_REPORT, report.incidentId(), report.number(),
                "Incident report",
                unsubscribe -> new IncidentMail(report.number(), report.title(),
                        "The report on the known issue you followed is published: what happened, why, and what we "
                                + "change so that it does not happen again.",
                        "RESOLVED", null, null, report.affectedProducts() == null ? List.of() : report.affectedProducts(),
                        report.summary(), report.url(), unsubscribe));
    }

    private List<Notification> toSubscribers(String eventId, NotificationKind kind, UUID incidentId, String number,
            String prefix, Function<String, IncidentMail> mailWithUnsubscribeLink) {
        List<Notification> mails = new ArrayList<>();
        for (Subscription subscriber : subscriptions.active(incidentId)) {
            String unsubscribe = links.unsubscribe(incidentId, subscriber.email);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            headers.put("List-Id", "Casework known issue " + number + " <" + incidentId + ".known-issues.casework.example>");
            mails.add(new Notification(eventId, kind, null, incidentId, null, subscriber.email, Language.EN,
                    composer.incident(mailWithUnsubscribeLink.apply(unsubscribe), prefix), headers));
        }
        return mails;
    }
}
