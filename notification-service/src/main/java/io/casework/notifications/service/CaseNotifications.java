package io.casework.notifications.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import io.casework.notifications.domain.Delivery;
import io.casework.notifications.domain.DeliveryStatus;
import io.casework.notifications.domain.EmailAddresses;
import io.casework.notifications.domain.KnownCase;
import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.NotificationKind;
import io.casework.notifications.mail.CaseMail;
import io.casework.notifications.mail.ComposedMail;
import io.casework.notifications.mail.MailComposer;
import io.casework.notifications.mail.SignedLinks;
import io.casework.notifications.messaging.event.CaseChanged;
import io.casework.notifications.messaging.event.CaseOpened;
import io.casework.notifications.persistence.DeliveryRepository;
import io.casework.notifications.persistence.KnownCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is mailed about a case event, with what. Customers (contact and CCs) hear of what support did; the
 * assignee hears of what the customer wrote. Internal notes are never mailed. Each state change that has a
 * mail of its own (solution, close, reopen) is not mailed a second time as a state change.
 */
@ApplicationScoped
public class CaseNotifications {

    private final Recipients recipients;
    private final MailComposer composer;
    private final SignedLinks links;
    private final KnownCaseRepository cases;
    private final DeliveryRepository deliveries;

    CaseNotifications(Recipients recipients, MailComposer composer, SignedLinks links, KnownCaseRepository cases,
            DeliveryRepository deliveries) {
        this.recipients = recipients;
        this.composer = composer;
        this.links = links;
        this.cases = cases;
        this.deliveries = deliveries;
    }

    /**
     * The receipt of a new case, to its contact and CCs, sent at once. The first-response target comes from
     * sla-service in an event of its own: the receipt states it when it is already known, else says that it follows
     * in a separate message, which {@link #firstResponseTarget} sends.
     */
    public List<Notification> opened(String eventId, CaseOpened opened) {
        CaseMail supportCase = new CaseMail(opened.number(), opened.subject(), opened.product(), opened.priority(),
                links.caseUrl(opened.caseId(), opened.number()));
        Instant due = firstResponseDue(opened.caseId());
        List<Notification> mails = new ArrayList<>();
        for (String recipient : Recipients.contactAndCcs(opened.contactEmail(), opened.ccEmails())) {
            Language language = recipients.languageFor(recipient, opened.language());
            mails.add(Notification.aboutCase(eventId, NotificationKind.CASE_OPENED, opened.caseId(), recipient, language,
                    composer.caseOpened(supportCase, language, due)));
        }
        return mails;
    }

    /**
     * The first-response target, in a mail of its own, to those whose receipt said it would follow: the receipt was
     * sent before sla-service set the target (a receipt sent after it states the target itself). Once per case.
     * Their receipts' delivery rows say who they are and in which language they read.
     */
    public List<Notification> firstResponseTarget(String eventId, UUID caseId, Instant due) {
        // Once per case; the same event planned again (a retry, or ops retrying a dead letter) finds its own rows.
        if (due == null || deliveries.count("caseId = ?1 and kind = ?2 and eventId <> ?3", caseId,
                NotificationKind.CASE_FIRST_RESPONSE_TARGET, eventId) > 0) {
            return List.of();
        }
        // Every receipt recorded, sent or still waiting for the sender (MailSender sends after the commit, so a target
        // that arrives first must not wait for SENT), but not one its server refused for good.
        List<Delivery> receipts = deliveries.list("caseId = ?1 and kind = ?2 and status <> ?3 order by createdAt", caseId,
                NotificationKind.CASE_OPENED, DeliveryStatus.REJECTED);
        KnownCase known = cases.find(caseId).orElse(null);
        if (receipts.isEmpty() || known == null || known.number == null) {
            return List.of();
        }
        CaseMail supportCase = new CaseMail(known.number, known.subject, known.product, known.priority,
                links.caseUrl(caseId, known.number));
        List<Notification> mails = new ArrayList<>();
        for (Delivery receipt : receipts) {
            Language language = Language.forMail(receipt.language);
            mails.add(Notification.aboutCase(eventId, NotificationKind.CASE_FIRST_RESPONSE_TARGET, caseId, receipt.recipient,
                    language, composer.firstResponseTarget(supportCase, language, due)));
        }
        return mails;
    }

    public List<Notification> changed(String eventId, String type, CaseChanged c) {
        CaseMail supportCase = new CaseMail(c.number(), c.subject(), c.product(), c.priority(),
                links.caseUrl(c.caseId(), c.number()));
        List<String> customers = Recipients.contactAndCcs(c.contactEmail(), c.ccEmails());
        return switch (type) {
            case CaseChanged.STATE_CHANGED -> {
                if (hasOwnMail(c) || sameAddress(c.changedBy(), c.contactEmail())) {
                    yield List.of(); // covered by its own mail, or the contact did it and knows
                }
                Instant due = firstResponseDue(c.caseId());
                yield toEach(eventId, NotificationKind.CASE_STATE_CHANGED, c, customers, c.language(),
                        language -> composer.stateChanged(supportCase, language, c.to(), c.reason(), due));
            }
            case CaseChanged.COMMENT_ADDED -> {
                if (!"PUBLIC".equals(c.visibility())) {
                    yield List.of(); // internal notes stay with support
                }
                boolean bySupport = "STAFF".equals(c.authorKind());
                List<String> others = bySupport ? customers : Recipients.distinct(Stream.of(c.assignee()));
                List<String> readers = others.stream().filter(r -> !sameAddress(r, c.author())).toList();
                // staff read in their own chosen language, else English; customers in the case's language
                yield toEach(eventId, NotificationKind.CASE_COMMENTED, c, readers, bySupport ? c.language() : Language.DEFAULT.code(),
                        language -> composer.commented(supportCase, language, bySupport, c.author(), c.body()));
            }
            case CaseChanged.ESCALATED -> toEach(eventId, NotificationKind.CASE_ESCALATED, c, customers, c.language(),
                    language -> composer.escalated(supportCase, language, c.reason()));
            case CaseChanged.RESOLVED -> toEach(eventId, NotificationKind.CASE_RESOLVED, c, customers, c.language(),
                    language -> composer.resolved(supportCase, language, c.resolutionCode(), c.note()));
            case CaseChanged.CLOSED -> closed(eventId, c, supportCase, customers);
            case CaseChanged.REOPENED -> toEach(eventId, NotificationKind.CASE_REOPENED, c, customers, c.language(),
                    language -> composer.reopened(supportCase, language));
            default -> List.of();
        };
    }

    /** Everyone hears of the close; only the contact, who filed the case, gets the survey link. */
    private List<Notification> closed(String eventId, CaseChanged c, CaseMail supportCase, List<String> customers) {
        String contact = EmailAddresses.normalize(c.contactEmail());
        String survey = links.survey(c.caseId(), contact, Instant.now());
        return toEach(eventId, NotificationKind.CASE_CLOSED, c, customers, c.language(), (recipient, language) ->
                composer.closed(supportCase, language, Boolean.TRUE.equals(c.automatic()),
                        recipient.equals(contact) ? survey : null));
    }

    private List<Notification> toEach(String eventId, NotificationKind kind, CaseChanged c, List<String> to,
            String fallbackLanguage, Function<Language, ComposedMail> compose) {
        return toEach(eventId, kind, c, to, fallbackLanguage, (recipient, language) -> compose.apply(language));
    }

    private List<Notification> toEach(String eventId, NotificationKind kind, CaseChanged c, List<String> to,
            String fallbackLanguage, BiFunction<String, Language, ComposedMail> compose) {
        List<Notification> mails = new ArrayList<>();
        for (String recipient : to) {
            if (kind.optional() && !recipients.wantsCaseUpdates(recipient)) {
                continue;
            }
            Language language = recipients.languageFor(recipient, fallbackLanguage);
            mails.add(Notification.aboutCase(eventId, kind, c.caseId(), recipient, language, compose.apply(recipient, language)));
        }
        return mails;
    }

    private static boolean hasOwnMail(CaseChanged c) {
        return "SOLUTION_PROVIDED".equals(c.to()) || "CLOSED".equals(c.to()) || "CLOSED".equals(c.from());
    }

    private static boolean sameAddress(String a, String b) {
        return a != null && b != null && EmailAddresses.normalize(a).equals(EmailAddresses.normalize(b));
    }

    private Instant firstResponseDue(UUID caseId) {
        return cases.find(caseId).map(KnownCase::pendingFirstResponse).orElse(null);
    }
}
