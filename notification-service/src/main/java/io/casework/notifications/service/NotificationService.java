package io.casework.notifications.service;

import java.util.List;
import java.util.stream.Stream;

import io.casework.notifications.domain.EmailAddresses;
import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.mail.CaseMail;
import io.casework.notifications.mail.MailComposer;
import io.casework.notifications.messaging.event.CaseOpened;
import io.casework.notifications.persistence.PreferenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Decides who is mailed about what, in which language, and hands each mail to {@link MailDelivery}. */
@ApplicationScoped
public class NotificationService {

    private final PreferenceRepository preferences;
    private final MailComposer composer;
    private final MailDelivery delivery;

    NotificationService(PreferenceRepository preferences, MailComposer composer, MailDelivery delivery) {
        this.preferences = preferences;
        this.composer = composer;
        this.delivery = delivery;
    }

    /**
     * The receipt of a new case, to its contact and CCs. The first-response target comes from sla-service in a
     * later event, so the mail says it will follow rather than wait for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void caseOpened(String eventId, CaseOpened opened) {
        CaseMail supportCase = new CaseMail(opened.number(), opened.subject(), opened.product(), opened.priority());
        MailDeliveryException failure = null;
        for (String recipient : recipients(opened.contactEmail(), opened.ccEmails())) {
            Language language = languageFor(recipient, opened.language());
            try {
                delivery.deliver(new Notification(eventId, NotificationKind.CASE_OPENED, opened.caseId(), recipient,
                        language, composer.caseOpened(supportCase, language)));
            } catch (MailDeliveryException e) {
                // The others still get their mail now; the retried event then mails only those still missing it.
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The contact first, then each CC once, whatever the spelling. */
    private static List<String> recipients(String contact, List<String> ccs) {
        return Stream.concat(Stream.of(contact), ccs == null ? Stream.empty() : ccs.stream())
                .filter(address -> address != null && !address.isBlank())
                .map(EmailAddresses::normalize)
                .distinct()
                .toList();
    }

    /** The recipient's chosen language when they have set one, else the case's (English when unsupported). */
    private Language languageFor(String recipient, String caseLanguage) {
        return preferences.findByEmail(recipient)
                .flatMap(p -> Language.of(p.language))
                .orElseGet(() -> Language.forMail(caseLanguage));
    }
}
