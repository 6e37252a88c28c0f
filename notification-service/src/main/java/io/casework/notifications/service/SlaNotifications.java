package io.casework.notifications.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.casework.notifications.config.NotificationConfig;
import io.casework.notifications.domain.KnownCase;
import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.mail.ComposedMail;
import io.casework.notifications.mail.MailComposer;
import io.casework.notifications.mail.SignedLinks;
import io.casework.notifications.mail.SlaMail;
import io.casework.notifications.messaging.event.SlaAlerted;
import io.casework.notifications.persistence.KnownCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SLA warnings and breaches go to the case's assignee (known from the case events, as SLA events do not carry
 * it) and to the ops list. Staff mail, in English.
 */
@ApplicationScoped
public class SlaNotifications {

    private final KnownCaseRepository cases;
    private final MailComposer composer;
    private final NotificationConfig config;
    private final SignedLinks links;

    SlaNotifications(KnownCaseRepository cases, MailComposer composer, NotificationConfig config, SignedLinks links) {
        this.cases = cases;
        this.composer = composer;
        this.config = config;
        this.links = links;
    }

    public List<Notification> alerted(String eventId, String type, SlaAlerted alert) {
        boolean breached = SlaAlerted.BREACHED.equals(type);
        Optional<KnownCase> known = cases.find(alert.caseId());
        String assignee = known.map(k -> k.assignee).orElse(null);
        String reference = known.map(k -> k.number).orElse(alert.caseId().toString());
        SlaMail sla = new SlaMail(breached, reference, known.map(k -> k.subject).orElse("-"), alert.organization(),
                Optional.ofNullable(alert.product()).or(() -> known.map(k -> k.product)).orElse("-"), alert.priority(),
                metric(alert), alert.target(), MailComposer.utc(alert.dueAt()), alert.remaining(),
                assignee == null ? "nobody" : assignee, links.caseUrl(alert.caseId(), known.map(k -> k.number).orElse(null)));
        ComposedMail mail = composer.slaAlert(sla);
        NotificationKind kind = breached ? NotificationKind.SLA_BREACHED : NotificationKind.SLA_WARNING;
        List<Notification> mails = new ArrayList<>();
        for (String recipient : Recipients.distinct(Stream.of(assignee, config.opsEmail()))) {
            mails.add(Notification.aboutCase(eventId, kind, alert.caseId(), recipient, Language.EN, mail));
        }
        return mails;
    }

    private static String metric(SlaAlerted alert) {
        return "FIRST_RESPONSE".equals(alert.metric()) ? "first response" : "update " + alert.cycle();
    }
}
