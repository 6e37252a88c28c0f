package io.casework.notifications.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.casework.notifications.domain.Language;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders mails from the Qute templates and the {@link MailMessages} bundle, in the recipient's language. */
@ApplicationScoped
public class MailComposer {

    /** One unambiguous form for every reader, whatever their time zone. */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public static String utc(Instant instant) {
        return instant == null ? null : UTC.format(instant);
    }

    public ComposedMail caseOpened(CaseMail supportCase, Language language, Instant firstResponseDue) {
        return new ComposedMail(
                messages(language).caseOpenedSubject(supportCase.number(), supportCase.subject()),
                render(() -> MailTemplates.caseOpened(supportCase, utc(firstResponseDue)), language, Variant.TEXT_PLAIN),
                render(() -> MailTemplates.caseOpened(supportCase, utc(firstResponseDue)), language, Variant.TEXT_HTML));
    }

    /** The first-response target that the receipt promised would follow. */
    public ComposedMail firstResponseTarget(CaseMail supportCase, Language language, Instant firstResponseDue) {
        MailMessages m = messages(language);
        return caseUpdate(supportCase, language, m.firstResponseTargetSubject(supportCase.number(), supportCase.subject()),
                new CaseUpdate(m.firstResponseTargetIntro(supportCase.number()),
                        List.of(m.firstResponseDue(utc(firstResponseDue))), null, null, null));
    }

    public ComposedMail stateChanged(CaseMail supportCase, Language language, String state, String reason,
            Instant firstResponseDue) {
        MailMessages m = messages(language);
        String stateName = m.stateName(state);
        List<String> details = new ArrayList<>();
        if (reason != null && !reason.isBlank()) {
            details.add(m.reasonLine(reason));
        }
        if (firstResponseDue != null) {
            details.add(m.firstResponseDue(utc(firstResponseDue)));
        }
        return caseUpdate(supportCase, language, m.stateChangedSubject(supportCase.number(), stateName, supportCase.subject()),
                new CaseUpdate(m.stateChangedIntro(supportCase.number(), stateName), details, null, null, null));
    }

    public ComposedMail commented(CaseMail supportCase, Language language, boolean bySupport, String author, String body) {
        MailMessages m = messages(language);
        String intro = bySupport ? m.commentedBySupport(supportCase.number()) : m.commentedByCustomer(author, supportCase.number());
        return caseUpdate(supportCase, language, m.commentedSubject(supportCase.number(), supportCase.subject()),
                new CaseUpdate(intro, List.of(), body, null, null));
    }

    public ComposedMail escalated(CaseMail supportCase, Language language, String reason) {
        MailMessages m = messages(language);
        return caseUpdate(supportCase, language, m.escalatedSubject(supportCase.number(), supportCase.subject()),
                new CaseUpdate(m.escalatedIntro(supportCase.number()), List.of(m.escalationReason(reason)), null, null, null));
    }

    public ComposedMail resolved(CaseMail supportCase, Language language, String resolutionCode, String note) {
        MailMessages m = messages(language);
        return caseUpdate(supportCase, language, m.resolvedSubject(supportCase.number(), supportCase.subject()),
                new CaseUpdate(m.resolvedIntro(supportCase.number()),
                        List.of(m.resolutionCode(resolutionCode), m.resolvedNext()), note, null, null));
    }

    /** {@code surveyLink} null for CCs: the survey is the contact's. */
    public ComposedMail closed(CaseMail supportCase, Language language, boolean automatic, String surveyLink) {
        MailMessages m = messages(language);
        return caseUpdate(supportCase, language, m.closedSubject(supportCase.number(), supportCase.subject()),
                new CaseUpdate(m.closedIntro(supportCase.number()), automatic ? List.of(m.closedAutomatically()) : List.of(),
                        null, surveyLink == null ? null : m.surveyInvitation(), surveyLink));
    }

    public ComposedMail reopened(CaseMail supportCase, Language language) {
        MailMessages m = messages(language);
        return caseUpdate(supportCase, language, m.reopenedSubject(supportCase.number(), supportCase.subject()),
                new CaseUpdate(m.reopenedIntro(supportCase.number()), List.of(), null, null, null));
    }

    /** Staff mail, in English. */
    public ComposedMail slaAlert(SlaMail sla) {
        String subject = "[" + sla.caseReference() + "] " + (sla.breached() ? "SLA breached: " : "SLA warning: ")
                + sla.metric() + (sla.breached() ? " was due " : " due ") + sla.dueAt();
        return new ComposedMail(subject, render(() -> MailTemplates.slaAlert(sla), Language.EN, Variant.TEXT_PLAIN),
                render(() -> MailTemplates.slaAlert(sla), Language.EN, Variant.TEXT_HTML));
    }

    /** Known issues are written in English only (seed 002). */
    public ComposedMail incident(IncidentMail incident, String subjectPrefix) {
        String subject = "[" + incident.number() + "] " + subjectPrefix + ": " + incident.title();
        return new ComposedMail(subject, render(() -> MailTemplates.incident(incident), Language.EN, Variant.TEXT_PLAIN),
                render(() -> MailTemplates.incident(incident), Language.EN, Variant.TEXT_HTML));
    }

    /** To an organization's admins, in English: organizations carry no language. */
    public ComposedMail contract(ContractMail contract) {
        String subject = "[Casework] Maintenance contract of " + contract.organization()
                + (contract.renewed() ? " renewed" : " expired");
        return new ComposedMail(subject, render(() -> MailTemplates.contract(contract), Language.EN, Variant.TEXT_PLAIN),
                render(() -> MailTemplates.contract(contract), Language.EN, Variant.TEXT_HTML));
    }

    private ComposedMail caseUpdate(CaseMail supportCase, Language language, String subject, CaseUpdate update) {
        return new ComposedMail(subject,
                render(() -> MailTemplates.caseUpdate(supportCase, update), language, Variant.TEXT_PLAIN),
                render(() -> MailTemplates.caseUpdate(supportCase, update), language, Variant.TEXT_HTML));
    }

    private static MailMessages messages(Language language) {
        return MessageBundles.get(MailMessages.class, Localized.Literal.of(language.code()));
    }

    private static String render(Supplier<TemplateInstance> template, Language language, String contentType) {
        return template.get()
                .setLocale(language.locale())
                .setVariant(new Variant(language.locale(), StandardCharsets.UTF_8, contentType))
                .render();
    }
}
